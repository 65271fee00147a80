package id.pantau.recorder.export;

import java.nio.ByteBuffer;

/**
 * The samples one movie fragment (moof) describes, from its tfhd, tfdt and trun boxes: decode durations, sizes,
 * sync flags, composition offsets and where each sample's bytes lie in the segment object.
 */
final class TrackFragment {

    private static final int SAMPLE_IS_NON_SYNC = 0x00010000;

    final long baseDecodeTime;
    final int count;
    final long[] duration;
    final int[] size;
    final boolean[] sync;
    final int[] compositionOffset;
    /** Offset of each sample's first byte from the start of the segment object. */
    final long[] offset;

    private TrackFragment(long baseDecodeTime, int count) {
        this.baseDecodeTime = baseDecodeTime;
        this.count = count;
        this.duration = new long[count];
        this.size = new int[count];
        this.sync = new boolean[count];
        this.compositionOffset = new int[count];
        this.offset = new long[count];
    }

    /**
     * @param moof the payload of the moof box
     * @param moofOffset where the moof box starts in the segment object
     */
    static TrackFragment parse(ByteBuffer moof, long moofOffset, InitSection init) {
        ByteBuffer traf = Mp4Box.require(moof, "traf");
        ByteBuffer tfhd = Mp4Box.require(traf, "tfhd");
        ByteBuffer tfdt = Mp4Box.require(traf, "tfdt");
        InitSection.FragmentDefaults trex = init.defaults();
        long defaultDuration = trex.duration();
        int defaultSize = trex.size();
        int defaultFlags = trex.flags();
        int tfhdFlags = tfhd.getInt(0) & 0xFFFFFF;
        long base = moofOffset;
        int p = 8;
        if ((tfhdFlags & 0x01) != 0) {
            base = tfhd.getLong(p);
            p += 8;
        }
        if ((tfhdFlags & 0x02) != 0) {
            p += 4;
        }
        if ((tfhdFlags & 0x08) != 0) {
            defaultDuration = Integer.toUnsignedLong(tfhd.getInt(p));
            p += 4;
        }
        if ((tfhdFlags & 0x10) != 0) {
            defaultSize = tfhd.getInt(p);
            p += 4;
        }
        if ((tfhdFlags & 0x20) != 0) {
            defaultFlags = tfhd.getInt(p);
        }
        long baseDecodeTime = (tfdt.get(0) & 0xFF) == 1 ? tfdt.getLong(4) : Integer.toUnsignedLong(tfdt.getInt(4));

        int total = 0;
        for (Mp4Box.Child c : Mp4Box.children(traf)) {
            if (c.type().equals("trun")) {
                total += c.payload().getInt(4);
            }
        }
        TrackFragment f = new TrackFragment(baseDecodeTime, total);
        int s = 0;
        long next = base;
        for (Mp4Box.Child c : Mp4Box.children(traf)) {
            if (!c.type().equals("trun")) {
                continue;
            }
            ByteBuffer trun = c.payload();
            int flags = trun.getInt(0) & 0xFFFFFF;
            int n = trun.getInt(4);
            int q = 8;
            if ((flags & 0x001) != 0) {
                next = base + trun.getInt(q);
                q += 4;
            }
            Integer firstFlags = null;
            if ((flags & 0x004) != 0) {
                firstFlags = trun.getInt(q);
                q += 4;
            }
            for (int k = 0; k < n; k++, s++) {
                long d = defaultDuration;
                int sz = defaultSize;
                int fl = k == 0 && firstFlags != null ? firstFlags : defaultFlags;
                int cts = 0;
                if ((flags & 0x100) != 0) {
                    d = Integer.toUnsignedLong(trun.getInt(q));
                    q += 4;
                }
                if ((flags & 0x200) != 0) {
                    sz = trun.getInt(q);
                    q += 4;
                }
                if ((flags & 0x400) != 0) {
                    int sampleFlags = trun.getInt(q);
                    fl = k == 0 && firstFlags != null ? firstFlags : sampleFlags;
                    q += 4;
                }
                if ((flags & 0x800) != 0) {
                    cts = trun.getInt(q);
                    q += 4;
                }
                if (sz < 0) {
                    throw new IllegalArgumentException("sample size out of range: " + Integer.toUnsignedString(sz));
                }
                f.duration[s] = d;
                f.size[s] = sz;
                f.sync[s] = (fl & SAMPLE_IS_NON_SYNC) == 0;
                f.compositionOffset[s] = cts;
                f.offset[s] = next;
                next += sz;
            }
        }
        return f;
    }
}
