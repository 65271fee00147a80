package id.pantau.recorder.segment;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Compact text form of a fragment index: unsigned LEB128 varints, base64. Fragments are contiguous in time and
 * bytes, so only durations and lengths are stored; starts and offsets are running sums. About 8 characters per
 * fragment, so a minute of 1 s fragments needs about 500.
 */
public final class FragmentIndexCodec {

    private static final int VERSION = 1;

    private FragmentIndexCodec() {
    }

    public static String encode(List<Fragment> fragments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + fragments.size() * 8);
        writeVarint(out, VERSION);
        writeVarint(out, fragments.size());
        if (!fragments.isEmpty()) {
            writeVarint(out, fragments.get(0).offset());
            writeVarint(out, fragments.get(0).start90k());
        }
        Fragment previous = null;
        for (Fragment f : fragments) {
            if (previous != null && (f.offset() != previous.endOffset() || f.start90k() != previous.end90k())) {
                throw new IllegalArgumentException("fragments are not contiguous at " + f);
            }
            writeVarint(out, f.duration90k());
            writeVarint(out, f.length());
            writeVarint(out, ((long) f.frameCount() << 1) | (f.keyframe() ? 1 : 0));
            previous = f;
        }
        return Base64.getEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    public static List<Fragment> decode(String text) {
        ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(text));
        long version = readVarint(in);
        if (version != VERSION) {
            throw new IllegalArgumentException("unknown fragment index version " + version);
        }
        int count = Math.toIntExact(readVarint(in));
        List<Fragment> fragments = new ArrayList<>(count);
        if (count == 0) {
            return fragments;
        }
        long offset = readVarint(in);
        long start90k = readVarint(in);
        for (int i = 0; i < count; i++) {
            long duration90k = readVarint(in);
            long length = readVarint(in);
            long framesAndKey = readVarint(in);
            fragments.add(new Fragment(start90k, duration90k, offset, length, Math.toIntExact(framesAndKey >>> 1),
                    (framesAndKey & 1) == 1));
            start90k += duration90k;
            offset += length;
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("trailing bytes in fragment index");
        }
        return fragments;
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value in fragment index: " + value);
        }
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long readVarint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!in.hasRemaining()) {
                throw new IllegalArgumentException("truncated fragment index");
            }
            int b = in.get() & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long in fragment index");
    }
}
