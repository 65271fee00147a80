package id.pantau.recorder.export;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What a segment's init section (ftyp+moov of a fragmented MP4) says about its one video track: the media
 * timescale, the picture size, the sample entry (avc1/hvc1 with its decoder configuration, copied verbatim
 * into exports) and the defaults that track fragments fall back on.
 */
record InitSection(long timescale, int width, int height, byte[] sampleEntry, FragmentDefaults defaults) {

    /** The trex defaults of the track. */
    record FragmentDefaults(long duration, int size, int flags) {
    }

    InitSection {
        sampleEntry = sampleEntry.clone();
    }

    @Override
    public byte[] sampleEntry() {
        return sampleEntry.clone();
    }

    /** The sample entry's four-character code, e.g. avc1 or hvc1. */
    String sampleEntryType() {
        return Mp4Box.fourcc(ByteBuffer.wrap(sampleEntry).getInt(4));
    }

    boolean sameSampleEntry(byte[] other) {
        return Arrays.equals(sampleEntry, other);
    }

    /** Parses the payload of a moov box. */
    static InitSection parse(ByteBuffer moov) {
        ByteBuffer mdhd = Mp4Box.require(moov, "trak", "mdia", "mdhd");
        long timescale = Integer.toUnsignedLong(mdhd.getInt((mdhd.get(0) & 0xFF) == 1 ? 20 : 12));
        if (timescale == 0) {
            throw new IllegalArgumentException("mdhd timescale is zero");
        }
        ByteBuffer tkhd = Mp4Box.require(moov, "trak", "tkhd");
        int sizeAt = (tkhd.get(0) & 0xFF) == 1 ? 88 : 76;
        int width = tkhd.getInt(sizeAt) >>> 16;
        int height = tkhd.getInt(sizeAt + 4) >>> 16;
        ByteBuffer stsd = Mp4Box.require(moov, "trak", "mdia", "minf", "stbl", "stsd");
        // version/flags and entry_count, then the entries; exports keep the first (the recorder writes one)
        ByteBuffer entries = stsd.slice(8, stsd.limit() - 8);
        int entrySize = entries.getInt(0);
        if (entrySize < 8 || entrySize > entries.limit()) {
            throw new IllegalArgumentException("bad stsd entry size " + entrySize);
        }
        byte[] entry = new byte[entrySize];
        entries.get(0, entry);
        ByteBuffer trex = Mp4Box.find(moov, "mvex", "trex");
        FragmentDefaults defaults = trex == null ? new FragmentDefaults(0, 0, 0)
                : new FragmentDefaults(Integer.toUnsignedLong(trex.getInt(12)), trex.getInt(16), trex.getInt(20));
        return new InitSection(timescale, width, height, entry, defaults);
    }
}
