package id.pantau.recorder.export;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reading ISO-BMFF boxes held in memory: the children of a container box and paths down the tree. */
final class Mp4Box {

    private Mp4Box() {
    }

    /** A child box: its type and its payload (after the header) as a zero-based slice. */
    record Child(String type, ByteBuffer payload, int offsetInParent) {
    }

    static String fourcc(int type) {
        return new String(new byte[] {(byte) (type >>> 24), (byte) (type >>> 16), (byte) (type >>> 8), (byte) type},
                StandardCharsets.ISO_8859_1);
    }

    static int fourcc(String type) {
        byte[] b = type.getBytes(StandardCharsets.ISO_8859_1);
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    /** The boxes inside a container payload, in order; stops at the first box that does not fit. */
    static List<Child> children(ByteBuffer payload) {
        List<Child> result = new ArrayList<>();
        int p = 0;
        int limit = payload.limit();
        while (p + 8 <= limit) {
            long size = Integer.toUnsignedLong(payload.getInt(p));
            String type = fourcc(payload.getInt(p + 4));
            int header = 8;
            if (size == 1) {
                if (p + 16 > limit) {
                    break;
                }
                size = payload.getLong(p + 8);
                header = 16;
            } else if (size == 0) {
                size = limit - p;
            }
            if (size < header || p + size > limit) {
                break;
            }
            result.add(new Child(type, payload.slice(p + header, (int) size - header), p));
            p += (int) size;
        }
        return result;
    }

    /** The payload at the end of a path of box types, e.g. {@code "trak", "mdia", "mdhd"}; null if absent. */
    static ByteBuffer find(ByteBuffer payload, String... path) {
        ByteBuffer current = payload;
        for (String type : path) {
            ByteBuffer next = null;
            for (Child c : children(current)) {
                if (c.type().equals(type)) {
                    next = c.payload();
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            current = next;
        }
        return current;
    }

    static ByteBuffer require(ByteBuffer payload, String... path) {
        ByteBuffer found = find(payload, path);
        if (found == null) {
            throw new IllegalArgumentException("no " + String.join("/", path) + " box");
        }
        return found;
    }
}
