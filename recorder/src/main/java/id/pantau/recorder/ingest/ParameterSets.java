package id.pantau.recorder.ingest;

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
        int start = nextStartCode(accessUnit, 0);
        while (start >= 0) {
            int nalStart = start + (accessUnit[start + 2] == 1 ? 3 : 4);
            int next = nextStartCode(accessUnit, nalStart);
            int nalEnd = next < 0 ? accessUnit.length : next;
            while (nalEnd > nalStart && accessUnit[nalEnd - 1] == 0) {
                nalEnd--;
            }
            if (nalEnd > nalStart && isParameterSet(codec, accessUnit[nalStart])) {
                found.add(java.util.Arrays.copyOfRange(accessUnit, nalStart, nalEnd));
            }
            start = next;
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

    /** Index of the next 00 00 01 or 00 00 00 01 at or after from, or -1. */
    private static int nextStartCode(byte[] b, int from) {
        for (int i = from; i + 2 < b.length; i++) {
            if (b[i] == 0 && b[i + 1] == 0) {
                if (b[i + 2] == 1) {
                    return i;
                }
                if (b[i + 2] == 0 && i + 3 < b.length && b[i + 3] == 1) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** True if the Annex-B parameter sets hold everything a decoder needs (SPS+PPS, plus VPS for H.265). */
    public static boolean isComplete(VideoCodec codec, byte[] annexB) {
        boolean vps = false;
        boolean sps = false;
        boolean pps = false;
        int start = nextStartCode(annexB, 0);
        while (start >= 0) {
            int nal = start + (annexB[start + 2] == 1 ? 3 : 4);
            if (nal < annexB.length) {
                int type = codec == VideoCodec.H264 ? annexB[nal] & 0x1F : (annexB[nal] >> 1) & 0x3F;
                if (codec == VideoCodec.H264) {
                    sps |= type == 7;
                    pps |= type == 8;
                } else {
                    vps |= type == 32;
                    sps |= type == 33;
                    pps |= type == 34;
                }
            }
            start = nextStartCode(annexB, nal);
        }
        return sps && pps && (vps || codec == VideoCodec.H264);
    }

    /** The first sequence parameter set NAL unit (header included, no start code) of Annex-B data, or null. */
    public static byte[] sequenceParameterSet(VideoCodec codec, byte[] annexB) {
        int start = nextStartCode(annexB, 0);
        while (start >= 0) {
            int nal = start + (annexB[start + 2] == 1 ? 3 : 4);
            int next = nextStartCode(annexB, nal);
            int end = next < 0 ? annexB.length : next;
            if (nal < end) {
                int type = codec == VideoCodec.H264 ? annexB[nal] & 0x1F : (annexB[nal] >> 1) & 0x3F;
                if (type == (codec == VideoCodec.H264 ? 7 : 33)) {
                    return java.util.Arrays.copyOfRange(annexB, nal, end);
                }
            }
            start = next;
        }
        return null;
    }
}
