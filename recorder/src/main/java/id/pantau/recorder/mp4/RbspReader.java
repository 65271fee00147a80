package id.pantau.recorder.mp4;

/** Reads bits and Exp-Golomb codes from a NAL unit's payload, skipping emulation prevention bytes (00 00 03). */
final class RbspReader {

    private final byte[] rbsp;
    private final int bitLength;
    private int bit;

    RbspReader(byte[] nal, int offset, int length) {
        byte[] out = new byte[length];
        int n = 0;
        int zeros = 0;
        for (int i = offset; i < offset + length; i++) {
            int b = nal[i] & 0xFF;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out[n++] = (byte) b;
        }
        this.rbsp = out;
        this.bitLength = n * 8;
    }

    long bits(int n) {
        if (bit + n > bitLength) {
            throw new IllegalArgumentException("parameter set truncated: wanted " + n + " bits at bit " + bit
                    + " of " + bitLength);
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 1) | ((rbsp[(bit >> 3)] >> (7 - (bit & 7))) & 1);
            bit++;
        }
        return v;
    }

    boolean flag() {
        return bits(1) == 1;
    }

    void skip(int n) {
        bits(n);
    }

    /** An unsigned Exp-Golomb code, ue(v). */
    int ue() {
        int zeros = 0;
        while (bits(1) == 0) {
            if (++zeros > 31) {
                throw new IllegalArgumentException("invalid Exp-Golomb code at bit " + bit);
            }
        }
        return (int) ((1L << zeros) - 1 + bits(zeros));
    }
}
