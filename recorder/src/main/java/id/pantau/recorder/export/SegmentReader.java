package id.pantau.recorder.export;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a segment object once, front to back, box by box, hashing every byte on the way so that the export can
 * prove the segment it used is the one the index recorded. Box payloads are read into one reused buffer.
 */
final class SegmentReader implements AutoCloseable {

    /** Larger boxes than this are not expected in a segment: one fragment is about a second of video. */
    static final int MAX_BOX_BYTES = 256 * 1024 * 1024;

    private final InputStream in;
    private final MessageDigest sha256;
    private final byte[] header = new byte[16];
    private byte[] buffer = new byte[1 << 20];
    private long position;

    /** A top-level box: its type, where it starts, its total size and header size. */
    record Box(String type, long offset, long size, int headerSize) {
        long payloadOffset() {
            return offset + headerSize;
        }

        long payloadSize() {
            return size - headerSize;
        }
    }

    SegmentReader(InputStream in) {
        this.in = in;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    long position() {
        return position;
    }

    /** The next box header, or null at the end of the object. */
    Box next() throws IOException {
        int n = in.readNBytes(header, 0, 8);
        if (n == 0) {
            return null;
        }
        if (n < 8) {
            throw new EOFException("truncated box header at " + position);
        }
        sha256.update(header, 0, 8);
        long offset = position;
        position += 8;
        ByteBuffer h = ByteBuffer.wrap(header);
        long size = Integer.toUnsignedLong(h.getInt(0));
        String type = Mp4Box.fourcc(h.getInt(4));
        int headerSize = 8;
        if (size == 1) {
            readFully(header, 8, 8);
            size = h.getLong(8);
            headerSize = 16;
        } else if (size == 0) {
            throw new IOException("box '" + type + "' at " + offset + " runs to the end of the object");
        }
        if (size < headerSize) {
            throw new IOException("bad size " + size + " of box '" + type + "' at " + offset);
        }
        return new Box(type, offset, size, headerSize);
    }

    /** Reads the payload of {@code box} into the reused buffer; valid until the next read. */
    ByteBuffer payload(Box box) throws IOException {
        long size = box.payloadSize();
        if (size > MAX_BOX_BYTES) {
            throw new IOException("box '" + box.type() + "' at " + box.offset() + " is too large: " + size);
        }
        if (buffer.length < size) {
            buffer = new byte[(int) Math.max(size, buffer.length * 2L)];
        }
        readFully(buffer, 0, (int) size);
        return ByteBuffer.wrap(buffer, 0, (int) size).slice();
    }

    /** The bytes of the last payload read, for copying sample data out. */
    byte[] buffer() {
        return buffer;
    }

    /** Reads past the payload of {@code box}, hashing it. */
    void skip(Box box) throws IOException {
        long left = box.payloadSize();
        while (left > 0) {
            int chunk = (int) Math.min(left, buffer.length);
            readFully(buffer, 0, chunk);
            left -= chunk;
        }
    }

    /** Reads what is left, hashing it; returns the SHA-256 of the whole object (lower-case hex). */
    String finish() throws IOException {
        int n;
        while ((n = in.read(buffer)) > 0) {
            sha256.update(buffer, 0, n);
            position += n;
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private void readFully(byte[] into, int offset, int length) throws IOException {
        int n = in.readNBytes(into, offset, length);
        if (n < length) {
            throw new EOFException("object ends at " + (position + n) + " inside a box");
        }
        sha256.update(into, offset, length);
        position += length;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
