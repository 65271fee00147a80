package id.pantau.recorder.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The structure of a fragmented MP4 file read from its boxes alone: the init section (ftyp+moov), then every
 * complete moof+mdat pair with its timing from tfdt/trun. Anything after the last complete pair (a truncated
 * box, a moof without its mdat) is reported as the tail beyond {@link #validLength()}.
 */
public record Mp4Layout(long initLength, long validLength, long fileLength, long timescale, List<Fragment> fragments) {

    private static final int SAMPLE_IS_NON_SYNC = 0x00010000;

    public boolean hasInit() {
        return initLength > 0;
    }

    public int frameCount() {
        return fragments.stream().mapToInt(Fragment::frameCount).sum();
    }

    public long duration90k() {
        return fragments.isEmpty() ? 0 : fragments.get(fragments.size() - 1).end90k() - fragments.get(0).start90k();
    }

    public static Mp4Layout read(FileChannel file) throws IOException {
        long fileLength = file.size();
        List<long[]> boxes = topLevelBoxes(file, fileLength);
        int i = 0;
        long initLength = 0;
        long timescale = 0;
        Defaults trex = new Defaults(0, 0);
        if (boxes.size() >= 2 && type(boxes.get(0)).equals("ftyp") && type(boxes.get(1)).equals("moov")) {
            ByteBuffer moov = read(file, boxes.get(1));
            timescale = findTimescale(moov);
            trex = findTrex(moov);
            initLength = end(boxes.get(1));
            i = 2;
        }
        List<Fragment> fragments = new ArrayList<>();
        long validLength = initLength;
        if (initLength > 0 && timescale > 0) {
            while (i + 1 < boxes.size() && type(boxes.get(i)).equals("moof") && type(boxes.get(i + 1)).equals("mdat")) {
                long[] moof = boxes.get(i);
                long[] mdat = boxes.get(i + 1);
                Fragment f = parseMoof(read(file, moof), trex, timescale, moof[1], end(mdat) - moof[1]);
                if (f == null) {
                    break;
                }
                fragments.add(f);
                validLength = end(mdat);
                i += 2;
            }
        }
        return new Mp4Layout(initLength, validLength, fileLength, timescale, List.copyOf(fragments));
    }

    /** Each complete top-level box as {fourcc, offset, size, headerSize}; stops at the first incomplete one. */
    private static List<long[]> topLevelBoxes(FileChannel file, long fileLength) throws IOException {
        List<long[]> boxes = new ArrayList<>();
        ByteBuffer header = ByteBuffer.allocate(16);
        long offset = 0;
        while (offset + 8 <= fileLength) {
            header.clear();
            file.read(header, offset);
            header.flip();
            if (header.remaining() < 8) {
                break;
            }
            long size = Integer.toUnsignedLong(header.getInt(0));
            int type = header.getInt(4);
            int headerSize = 8;
            if (size == 1) {
                if (header.remaining() < 16) {
                    break;
                }
                size = header.getLong(8);
                headerSize = 16;
            }
            if (size < headerSize || offset + size > fileLength) {
                break;
            }
            boxes.add(new long[] {type, offset, size, headerSize});
            offset += size;
        }
        return boxes;
    }

    private static String type(long[] box) {
        return fourcc((int) box[0]);
    }

    private static long end(long[] box) {
        return box[1] + box[2];
    }

    private static String fourcc(int type) {
        return new String(ByteBuffer.allocate(4).putInt(type).array(), StandardCharsets.ISO_8859_1);
    }

    private static ByteBuffer read(FileChannel file, long[] box) throws IOException {
        if (box[2] > 64L * 1024 * 1024) {
            throw new IOException("box too large to parse: " + box[2]);
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) (box[2] - box[3]));
        long position = box[1] + box[3];
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return buffer.flip();
    }

    /** Child boxes of a container payload, as payload slices keyed by fourcc in order. */
    private static List<Child> children(ByteBuffer payload) {
        List<Child> result = new ArrayList<>();
        int p = payload.position();
        while (p + 8 <= payload.limit()) {
            long size = Integer.toUnsignedLong(payload.getInt(p));
            String type = fourcc(payload.getInt(p + 4));
            int headerSize = 8;
            if (size == 1) {
                size = payload.getLong(p + 8);
                headerSize = 16;
            } else if (size == 0) {
                size = payload.limit() - p;
            }
            if (size < headerSize || p + size > payload.limit()) {
                break;
            }
            ByteBuffer slice = payload.duplicate().position(p + headerSize).limit((int) (p + size)).slice();
            result.add(new Child(type, slice));
            p += (int) size;
        }
        return result;
    }

    private record Child(String type, ByteBuffer payload) {
    }

    private record Defaults(long duration, int flags) {
    }

    private static ByteBuffer child(ByteBuffer payload, String... path) {
        ByteBuffer current = payload;
        for (String type : path) {
            ByteBuffer found = null;
            for (Child c : children(current)) {
                if (c.type().equals(type)) {
                    found = c.payload();
                    break;
                }
            }
            if (found == null) {
                return null;
            }
            current = found;
        }
        return current;
    }

    private static long findTimescale(ByteBuffer moov) {
        ByteBuffer mdhd = child(moov, "trak", "mdia", "mdhd");
        if (mdhd == null) {
            return 0;
        }
        int version = mdhd.get(0) & 0xFF;
        return Integer.toUnsignedLong(mdhd.getInt(version == 1 ? 20 : 12));
    }

    private static Defaults findTrex(ByteBuffer moov) {
        ByteBuffer trex = child(moov, "mvex", "trex");
        if (trex == null) {
            return new Defaults(0, 0);
        }
        // version/flags, track_ID, default_sample_description_index, duration, size, flags
        return new Defaults(Integer.toUnsignedLong(trex.getInt(12)), trex.getInt(20));
    }

    private static Fragment parseMoof(ByteBuffer moof, Defaults trex, long timescale, long offset, long length) {
        ByteBuffer traf = child(moof, "traf");
        if (traf == null) {
            return null;
        }
        ByteBuffer tfhd = child(traf, "tfhd");
        ByteBuffer tfdt = child(traf, "tfdt");
        if (tfhd == null || tfdt == null) {
            return null;
        }
        long defaultDuration = trex.duration();
        int defaultFlags = trex.flags();
        int tfhdFlags = tfhd.getInt(0) & 0xFFFFFF;
        int p = 8;
        if ((tfhdFlags & 0x01) != 0) p += 8;
        if ((tfhdFlags & 0x02) != 0) p += 4;
        if ((tfhdFlags & 0x08) != 0) { defaultDuration = Integer.toUnsignedLong(tfhd.getInt(p)); p += 4; }
        if ((tfhdFlags & 0x10) != 0) p += 4;
        if ((tfhdFlags & 0x20) != 0) { defaultFlags = tfhd.getInt(p); }
        long baseDecodeTime = (tfdt.get(0) & 0xFF) == 1 ? tfdt.getLong(4) : Integer.toUnsignedLong(tfdt.getInt(4));

        int frames = 0;
        long duration = 0;
        Boolean firstIsSync = null;
        for (Child c : children(traf)) {
            if (!c.type().equals("trun")) {
                continue;
            }
            ByteBuffer trun = c.payload();
            int flags = trun.getInt(0) & 0xFFFFFF;
            int count = trun.getInt(4);
            int q = 8;
            if ((flags & 0x001) != 0) q += 4;
            Integer firstSampleFlags = null;
            if ((flags & 0x004) != 0) { firstSampleFlags = trun.getInt(q); q += 4; }
            for (int s = 0; s < count; s++) {
                long sampleDuration = defaultDuration;
                int sampleFlags = defaultFlags;
                if ((flags & 0x100) != 0) { sampleDuration = Integer.toUnsignedLong(trun.getInt(q)); q += 4; }
                if ((flags & 0x200) != 0) q += 4;
                if ((flags & 0x400) != 0) { sampleFlags = trun.getInt(q); q += 4; }
                if ((flags & 0x800) != 0) q += 4;
                if (s == 0 && firstSampleFlags != null) {
                    sampleFlags = firstSampleFlags;
                }
                if (firstIsSync == null) {
                    firstIsSync = (sampleFlags & SAMPLE_IS_NON_SYNC) == 0;
                }
                duration += sampleDuration;
            }
            frames += count;
        }
        if (frames == 0) {
            return null;
        }
        return new Fragment(to90k(baseDecodeTime, timescale), to90k(baseDecodeTime + duration, timescale)
                - to90k(baseDecodeTime, timescale), offset, length, frames, Boolean.TRUE.equals(firstIsSync));
    }

    private static long to90k(long ticks, long timescale) {
        return timescale == 90_000 ? ticks : Math.round(ticks * 90_000.0 / timescale);
    }
}
