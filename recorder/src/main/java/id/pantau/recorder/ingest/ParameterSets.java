package id.pantau.recorder.ingest;

import id.pantau.recorder.mp4.NalUnits;
import id.pantau.recorder.segment.VideoCodec;
import java.io.ByteArrayOutputStream;

/**
 * Finds the parameter sets (H.264 SPS/PPS, H.265 VPS/SPS/PPS) carried in-band in an Annex-B access unit; a
 * change in them means the codec parameters changed. Returns them as Annex-B, usable as muxer extradata.
 */
public final class ParameterSets {

    private ParameterSets() {
    }

    /**
     * The distinct parameter sets of the access unit, ordered by NAL type (VPS, SPS, PPS) and then by content, so
     * that repeats and reordering (an encoder's copy plus a payloader's) compare equal.
     */
    public static byte[] extract(VideoCodec codec, byte[] accessUnit) {
        java.util.TreeSet<byte[]> found = new java.util.TreeSet<>(java.util.Arrays::compareUnsigned);
        for (NalUnits.Nal nal : nals(accessUnit)) {
            if (isParameterSet(codec, (byte) nal.header())) {
                found.add(nal.copy());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] nal : found) {
            out.write(0);
            out.write(0);
            out.write(0);
            out.write(1);
            out.write(nal, 0, nal.length);
        }
        return out.toByteArray();
    }

    private static boolean isParameterSet(VideoCodec codec, byte header) {
        if (codec == VideoCodec.H264) {
            int type = header & 0x1F;
            return type == 7 || type == 8;
        }
        int type = (header >> 1) & 0x3F;
        return type >= 32 && type <= 34;
    }

    /** True if the Annex-B parameter sets hold everything a decoder needs (SPS+PPS, plus VPS for H.265). */
    public static boolean isComplete(VideoCodec codec, byte[] annexB) {
        boolean vps = false;
        boolean sps = false;
        boolean pps = false;
        for (NalUnits.Nal nal : nals(annexB)) {
            int type = codec == VideoCodec.H264 ? nal.header() & 0x1F : (nal.header() >> 1) & 0x3F;
            if (codec == VideoCodec.H264) {
                sps |= type == 7;
                pps |= type == 8;
            } else {
                vps |= type == 32;
                sps |= type == 33;
                pps |= type == 34;
            }
        }
        return sps && pps && (vps || codec == VideoCodec.H264);
    }

    /** The first sequence parameter set NAL unit (header included, no start code) of Annex-B data, or null. */
    public static byte[] sequenceParameterSet(VideoCodec codec, byte[] annexB) {
        for (NalUnits.Nal nal : nals(annexB)) {
            int type = codec == VideoCodec.H264 ? nal.header() & 0x1F : (nal.header() >> 1) & 0x3F;
            if (type == (codec == VideoCodec.H264 ? 7 : 33)) {
                return nal.copy();
            }
        }
        return null;
    }

    /** Garbage has no parameter sets; judging it is {@link NalSanity}'s job, not a reason to fail here. */
    private static java.util.List<NalUnits.Nal> nals(byte[] accessUnit) {
        try {
            return NalUnits.split(accessUnit);
        } catch (IllegalArgumentException e) {
            return java.util.List.of();
        }
    }
}
