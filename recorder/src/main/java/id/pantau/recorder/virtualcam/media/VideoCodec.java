package id.pantau.recorder.virtualcam.media;

import java.nio.file.Path;
import java.util.Locale;

/** The two elementary-stream codecs a virtual camera can serve, with their NAL unit header rules. */
public enum VideoCodec {
    H264(1, "H264"),
    H265(2, "H265");

    private final int nalHeaderBytes;
    private final String rtpEncodingName;

    VideoCodec(int nalHeaderBytes, String rtpEncodingName) {
        this.nalHeaderBytes = nalHeaderBytes;
        this.rtpEncodingName = rtpEncodingName;
    }

    /** Codec of an Annex-B file judged by its extension: .h264/.264 or .h265/.265/.hevc. */
    public static VideoCodec fromFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".h264") || name.endsWith(".264")) {
            return H264;
        }
        if (name.endsWith(".h265") || name.endsWith(".265") || name.endsWith(".hevc")) {
            return H265;
        }
        throw new IllegalArgumentException("Cannot tell the codec of " + file + ": expected .h264 or .h265");
    }

    public int nalHeaderBytes() {
        return nalHeaderBytes;
    }

    /** Encoding name in the SDP rtpmap line. */
    public String rtpEncodingName() {
        return rtpEncodingName;
    }

    /** NAL unit type read from the first header byte. */
    public int nalType(byte firstHeaderByte) {
        return this == H264 ? firstHeaderByte & 0x1F : (firstHeaderByte >> 1) & 0x3F;
    }

    /** True for slice data (VCL) NAL units. */
    public boolean isVcl(int nalType) {
        return this == H264 ? nalType >= 1 && nalType <= 5 : nalType <= 31;
    }

    /** True for NAL units after which a decoder can start: H.264 IDR, H.265 IRAP (BLA, IDR, CRA). */
    public boolean isRandomAccess(int nalType) {
        return this == H264 ? nalType == 5 : nalType >= 16 && nalType <= 21;
    }

    /** True for non-VCL NAL units that may only appear at the start of an access unit (before its first slice). */
    public boolean startsAccessUnit(int nalType) {
        if (this == H264) {
            // SEI, SPS, PPS, AUD, and the reserved/prefix range 14..18
            return nalType == 6 || nalType == 7 || nalType == 8 || nalType == 9 || (nalType >= 14 && nalType <= 18);
        }
        // VPS, SPS, PPS, AUD, prefix SEI, reserved 41..44, unspecified 48..55
        return (nalType >= 32 && nalType <= 35) || nalType == 39 || (nalType >= 41 && nalType <= 44)
                || (nalType >= 48 && nalType <= 55);
    }

    /** Parameter-set role of a NAL type, or null when it is not a parameter set. */
    public ParameterSetKind parameterSetKind(int nalType) {
        if (this == H264) {
            return nalType == 7 ? ParameterSetKind.SPS : nalType == 8 ? ParameterSetKind.PPS : null;
        }
        return switch (nalType) {
            case 32 -> ParameterSetKind.VPS;
            case 33 -> ParameterSetKind.SPS;
            case 34 -> ParameterSetKind.PPS;
            default -> null;
        };
    }

    /**
     * True when a slice NAL unit is the first slice of its picture: H.264 first_mb_in_slice == 0
     * (ue(v) of value 0 is a single 1 bit), H.265 first_slice_segment_in_pic_flag.
     */
    public boolean isFirstSliceOfPicture(byte[] data, int nalOffset, int nalLength) {
        if (nalLength <= nalHeaderBytes) {
            return false;
        }
        return (data[nalOffset + nalHeaderBytes] & 0x80) != 0;
    }

    /** The parameter sets a codec carries out of band. */
    public enum ParameterSetKind { VPS, SPS, PPS }
}
