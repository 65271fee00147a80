package id.pantau.recorder.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** Builds ISO-BMFF boxes in memory, big-endian; a box's size is filled in when it is closed. */
final class BoxWriter {

    private byte[] bytes = new byte[4096];
    private int length;
    private final Deque<Integer> open = new ArrayDeque<>();

    /** Opens a box; close it with {@link #end()}. */
    BoxWriter begin(String type) {
        open.push(length);
        u32(0);
        return fourcc(type);
    }

    /** Opens a full box (with version and flags). */
    BoxWriter beginFull(String type, int version, int flags) {
        begin(type);
        return u32((version << 24) | (flags & 0xFFFFFF));
    }

    BoxWriter end() {
        int start = open.pop();
        int size = length - start;
        putInt(start, size);
        return this;
    }

    BoxWriter u8(int v) {
        ensure(1);
        bytes[length++] = (byte) v;
        return this;
    }

    BoxWriter u16(int v) {
        ensure(2);
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
        return this;
    }

    BoxWriter u32(long v) {
        ensure(4);
        putInt(length, (int) v);
        length += 4;
        return this;
    }

    BoxWriter u64(long v) {
        u32(v >>> 32);
        return u32(v);
    }

    BoxWriter zeros(int n) {
        ensure(n);
        length += n;
        return this;
    }

    BoxWriter fourcc(String type) {
        return raw(type.getBytes(StandardCharsets.ISO_8859_1));
    }

    BoxWriter raw(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, bytes, length, data.length);
        length += data.length;
        return this;
    }

    /** The unity transformation matrix of mvhd and tkhd. */
    BoxWriter unityMatrix() {
        return u32(0x00010000).u32(0).u32(0).u32(0).u32(0x00010000).u32(0).u32(0).u32(0).u32(0x40000000);
    }

    /** Overwrites four bytes written earlier, e.g. an entry count known only after the entries. */
    BoxWriter patchU32(int at, long v) {
        putInt(at, (int) v);
        return this;
    }

    int length() {
        return length;
    }

    byte[] toByteArray() {
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " boxes still open");
        }
        return Arrays.copyOf(bytes, length);
    }

    private void putInt(int at, int v) {
        bytes[at] = (byte) (v >>> 24);
        bytes[at + 1] = (byte) (v >>> 16);
        bytes[at + 2] = (byte) (v >>> 8);
        bytes[at + 3] = (byte) v;
    }

    private void ensure(int n) {
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
        }
    }
}
