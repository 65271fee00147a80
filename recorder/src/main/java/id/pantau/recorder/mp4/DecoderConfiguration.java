package id.pantau.recorder.mp4;

import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.segment.VideoFormat;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The decoder configuration record of an MP4 sample entry (ISO/IEC 14496-15): avcC for H.264, hvcC for H.265,
 * built from the stream's parameter sets, and the RFC 6381 codec string a browser's Media Source needs.
 */
public record DecoderConfiguration(VideoCodec codec, byte[] record, String codecString) {

    private static final int H264_SPS = 7;
    private static final int H264_PPS = 8;
    private static final int H265_VPS = 32;
    private static final int H265_SPS = 33;
    private static final int H265_PPS = 34;

    /**
     * From a format's extradata: Annex-B parameter sets, or a ready avcC/hvcC record (first byte 1), which is kept
     * as it is.
     */
    public static DecoderConfiguration of(VideoFormat format) {
        byte[] extradata = format.extradata();
        if (extradata.length == 0) {
            throw new IllegalArgumentException(format.codec() + " stream without parameter sets");
        }
        List<NalUnits.Nal> nals = extradata[0] == 1 && !NalUnits.isAnnexB(extradata)
                ? fromRecord(format.codec(), extradata)
                : NalUnits.split(extradata);
        return format.codec() == VideoCodec.H264 ? avc(nals) : hevc(nals);
    }

    private static DecoderConfiguration avc(List<NalUnits.Nal> nals) {
        List<NalUnits.Nal> sps = ofType(nals, VideoCodec.H264, H264_SPS);
        List<NalUnits.Nal> pps = ofType(nals, VideoCodec.H264, H264_PPS);
        if (sps.isEmpty() || pps.isEmpty() || sps.get(0).length() < 4) {
            throw new IllegalArgumentException("H.264 parameter sets incomplete: " + sps.size() + " SPS, "
                    + pps.size() + " PPS");
        }
        NalUnits.Nal first = sps.get(0);
        byte[] b = first.buffer();
        int profile = b[first.offset() + 1] & 0xFF;
        int compatibility = b[first.offset() + 2] & 0xFF;
        int level = b[first.offset() + 3] & 0xFF;
        BoxWriter w = new BoxWriter(64);
        w.u8(1).u8(profile).u8(compatibility).u8(level).u8(0xFC | 3).u8(0xE0 | sps.size());
        for (NalUnits.Nal n : sps) {
            w.u16(n.length()).bytes(n.buffer(), n.offset(), n.length());
        }
        w.u8(pps.size());
        for (NalUnits.Nal n : pps) {
            w.u16(n.length()).bytes(n.buffer(), n.offset(), n.length());
        }
        String codecString = String.format("avc1.%02X%02X%02X", profile, compatibility, level);
        return new DecoderConfiguration(VideoCodec.H264, w.toByteArray(), codecString);
    }

    private static DecoderConfiguration hevc(List<NalUnits.Nal> nals) {
        List<NalUnits.Nal> vps = ofType(nals, VideoCodec.H265, H265_VPS);
        List<NalUnits.Nal> sps = ofType(nals, VideoCodec.H265, H265_SPS);
        List<NalUnits.Nal> pps = ofType(nals, VideoCodec.H265, H265_PPS);
        if (vps.isEmpty() || sps.isEmpty() || pps.isEmpty()) {
            throw new IllegalArgumentException("H.265 parameter sets incomplete: " + vps.size() + " VPS, "
                    + sps.size() + " SPS, " + pps.size() + " PPS");
        }
        HevcSps s = HevcSps.parse(sps.get(0));
        BoxWriter w = new BoxWriter(128);
        w.u8(1);
        w.u8((s.profileSpace() << 6) | (s.tier() << 5) | s.profileIdc());
        w.u32(s.compatibilityFlags());
        w.u16((int) (s.constraintFlags() >>> 32)).u32(s.constraintFlags() & 0xFFFFFFFFL);
        w.u8(s.levelIdc());
        w.u16(0xF000); // min_spatial_segmentation_idc unknown
        w.u8(0xFC); // parallelismType unknown
        w.u8(0xFC | s.chromaFormatIdc());
        w.u8(0xF8 | s.bitDepthLumaMinus8());
        w.u8(0xF8 | s.bitDepthChromaMinus8());
        w.u16(0); // avgFrameRate unspecified
        w.u8(((s.maxSubLayersMinus1() + 1) << 3) | (s.temporalIdNesting() ? 1 << 2 : 0) | 3);
        w.u8(3);
        array(w, H265_VPS, vps);
        array(w, H265_SPS, sps);
        array(w, H265_PPS, pps);
        return new DecoderConfiguration(VideoCodec.H265, w.toByteArray(), s.codecString());
    }

    private static void array(BoxWriter w, int type, List<NalUnits.Nal> nals) {
        w.u8(0x80 | type).u16(nals.size());
        for (NalUnits.Nal n : nals) {
            w.u16(n.length()).bytes(n.buffer(), n.offset(), n.length());
        }
    }

    private static List<NalUnits.Nal> ofType(List<NalUnits.Nal> nals, VideoCodec codec, int type) {
        List<NalUnits.Nal> out = new ArrayList<>();
        for (NalUnits.Nal n : nals) {
            int t = codec == VideoCodec.H264 ? n.header() & 0x1F : (n.header() >> 1) & 0x3F;
            if (t == type && out.stream().noneMatch(o -> java.util.Arrays.equals(o.buffer(), o.offset(),
                    o.offset() + o.length(), n.buffer(), n.offset(), n.offset() + n.length()))) {
                out.add(n);
            }
        }
        return out;
    }

    /** The parameter sets inside an existing avcC or hvcC record. */
    private static List<NalUnits.Nal> fromRecord(VideoCodec codec, byte[] r) {
        List<NalUnits.Nal> nals = new ArrayList<>();
        if (codec == VideoCodec.H264) {
            int at = 5;
            int numSps = r[at++] & 0x1F;
            at = readNals(r, at, numSps, nals);
            int numPps = r[at++] & 0xFF;
            readNals(r, at, numPps, nals);
        } else {
            int at = 22;
            int arrays = r[at++] & 0xFF;
            for (int i = 0; i < arrays; i++) {
                at++;
                int count = ((r[at] & 0xFF) << 8) | (r[at + 1] & 0xFF);
                at = readNals(r, at + 2, count, nals);
            }
        }
        return nals;
    }

    private static int readNals(byte[] r, int at, int count, List<NalUnits.Nal> into) {
        for (int i = 0; i < count; i++) {
            int n = ((r[at] & 0xFF) << 8) | (r[at + 1] & 0xFF);
            into.add(new NalUnits.Nal(r, at + 2, n));
            at += 2 + n;
        }
        return at;
    }

    @Override
    public byte[] record() {
        return record.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecoderConfiguration d && d.codec == codec && java.util.Arrays.equals(d.record, record);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(record);
    }

    @Override
    public String toString() {
        return codecString + " " + HexFormat.of().formatHex(record);
    }
}
