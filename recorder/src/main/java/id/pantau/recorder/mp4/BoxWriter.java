package id.pantau.recorder.mp4;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable big-endian byte buffer that writes nested ISO BMFF boxes, patching each size when the box ends. */
final class BoxWriter {

    private byte[] buf;
    private int len;
    private int[] open = new int[16];
    private int depth;

    BoxWriter(int initialCapacity) {
        buf = new byte[Math.max(64, initialCapacity)];
    }

    BoxWriter start(String type) {
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = len;
        u32(0);
        fourcc(type);
        return this;
    }

    /** Starts a full box: a box with a version byte and 24 bits of flags. */
    BoxWriter startFull(String type, int version, int flags) {
        start(type);
        return u32(((version & 0xFF) << 24) | (flags & 0xFFFFFF));
    }

    BoxWriter end() {
        int at = open[--depth];
        putU32(at, len - at);
        return this;
    }

    int position() {
        return len;
    }

    void putU32(int at, long value) {
        buf[at] = (byte) (value >>> 24);
        buf[at + 1] = (byte) (value >>> 16);
        buf[at + 2] = (byte) (value >>> 8);
        buf[at + 3] = (byte) value;
    }

    BoxWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    BoxWriter u16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    BoxWriter u32(long v) {
        ensure(4);
        putU32(len, v);
        len += 4;
        return this;
    }

    BoxWriter u64(long v) {
        u32(v >>> 32);
        return u32(v & 0xFFFFFFFFL);
    }

    BoxWriter zeros(int n) {
        ensure(n);
        Arrays.fill(buf, len, len + n, (byte) 0);
        len += n;
        return this;
    }

    BoxWriter fourcc(String type) {
        return bytes(type.getBytes(StandardCharsets.US_ASCII));
    }

    BoxWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    BoxWriter bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    byte[] toByteArray() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " boxes still open");
        }
        // a writer sized exactly (a fragment of a megabyte a second per camera) hands over its buffer uncopied
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }
}
