package id.pantau.recorder.mp4;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an access unit into NAL units. Accepts Annex-B (start codes, as RTSP depacketizers and FFmpeg's RTSP
 * demuxer give) or 4-byte length prefixes (as MP4 stores them); the result never includes the framing.
 */
public final class NalUnits {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private NalUnits() {
    }

    /** A NAL unit as a window on the access unit's buffer. */
    public record Nal(byte[] buffer, int offset, int length) {

        public int header() {
            return buffer[offset] & 0xFF;
        }

        public byte[] copy() {
            return java.util.Arrays.copyOfRange(buffer, offset, offset + length);
        }
    }

    public static boolean isAnnexB(byte[] au) {
        return au.length >= 3 && au[0] == 0 && au[1] == 0 && (au[2] == 1 || (au.length >= 4 && au[2] == 0 && au[3] == 1));
    }

    public static List<Nal> split(byte[] au) {
        return isAnnexB(au) ? splitAnnexB(au) : splitLengthPrefixed(au);
    }

    /**
     * The NAL units of {@code au} at {@code nalStarts} (may be null), without a scan; null unless the offsets lay
     * out all of it: a 4-byte start code at each, the first at 0, each followed by a NAL unit of at least one byte
     * that runs to the next.
     */
    public static List<Nal> atFourByteStartCodes(byte[] au, int[] nalStarts) {
        if (nalStarts == null || nalStarts.length == 0 || nalStarts[0] != 0) {
            return null;
        }
        List<Nal> nals = new ArrayList<>(nalStarts.length);
        for (int i = 0; i < nalStarts.length; i++) {
            int at = nalStarts[i];
            int end = i + 1 < nalStarts.length ? nalStarts[i + 1] : au.length;
            if (end - at < 5 || end > au.length
                    || au[at] != 0 || au[at + 1] != 0 || au[at + 2] != 0 || au[at + 3] != 1) {
                return null;
            }
            nals.add(new Nal(au, at + 4, end - at - 4));
        }
        return nals;
    }

    static List<Nal> splitAnnexB(byte[] au) {
        List<Nal> nals = new ArrayList<>();
        int start = nextStartCode(au, 0);
        while (start >= 0) {
            int nalStart = start + (au[start + 2] == 1 ? 3 : 4);
            int next = nextStartCode(au, nalStart);
            int nalEnd = next < 0 ? au.length : next;
            // trailing zero bytes belong to the next start code (or are padding), not to this NAL
            while (nalEnd > nalStart && au[nalEnd - 1] == 0) {
                nalEnd--;
            }
            if (nalEnd > nalStart) {
                nals.add(new Nal(au, nalStart, nalEnd - nalStart));
            }
            start = next;
        }
        return nals;
    }

    static List<Nal> splitLengthPrefixed(byte[] au) {
        List<Nal> nals = new ArrayList<>();
        int at = 0;
        while (at + 4 <= au.length) {
            int n = ((au[at] & 0xFF) << 24) | ((au[at + 1] & 0xFF) << 16) | ((au[at + 2] & 0xFF) << 8) | (au[at + 3] & 0xFF);
            if (n <= 0 || at + 4 + n > au.length) {
                throw new IllegalArgumentException("access unit is neither Annex-B nor length-prefixed: NAL length "
                        + n + " at offset " + at + " of " + au.length);
            }
            nals.add(new Nal(au, at + 4, n));
            at += 4 + n;
        }
        return nals;
    }

    /**
     * Index of the next 00 00 01 or 00 00 00 01 at or after {@code from}, or -1. Reads eight bytes at a time and
     * looks only where one of them is zero: compressed video rarely has a zero byte, and this scan runs over every
     * byte recorded.
     */
    public static int nextStartCode(byte[] b, int from) {
        int end = b.length - 2; // a start code needs three bytes
        int i = Math.max(from, 0);
        while (i < end) {
            if (i + Long.BYTES <= b.length) {
                long word = (long) LONGS.get(b, i);
                long zeros = (word - ONES) & ~word & HIGHS;
                if (zeros == 0) {
                    i += Long.BYTES;
                    continue;
                }
                // the lowest flagged byte is a true zero (only bytes above one can be flagged falsely)
                i += Long.numberOfTrailingZeros(zeros) >>> 3;
                if (i >= end) {
                    return -1;
                }
            }
            if (b[i] == 0 && b[i + 1] == 0) {
                if (b[i + 2] == 1) {
                    return i;
                }
                if (b[i + 2] == 0 && i + 3 < b.length && b[i + 3] == 1) {
                    return i;
                }
            }
            i++;
        }
        return -1;
    }
}
