package id.pantau.recorder.mp4;

import id.pantau.recorder.segment.Sample;
import id.pantau.recorder.segment.VideoFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes fragmented MP4 for one video track on a 90 kHz timescale: an init section (ftyp+moov with an empty
 * sample table and mvex) and moof+mdat fragments whose sample data are the access units with 4-byte NAL lengths.
 * Stateless: the caller numbers the fragments and owns the bytes.
 */
public final class Fmp4Muxer {

    /** Track timescale, the RTP video clock, so camera timestamps are stored without rounding. */
    public static final int TIMESCALE = 90_000;
    private static final int TRACK_ID = 1;
    private static final int SAMPLE_FLAGS_SYNC = 0x02000000;
    private static final int SAMPLE_FLAGS_NON_SYNC = 0x01010000;
    private static final int TFHD_DEFAULT_BASE_IS_MOOF = 0x020000;
    private static final int TRUN_FLAGS = 0x000001 | 0x000100 | 0x000200 | 0x000400 | 0x000800;
    private static final int TRUN_SAMPLE_BYTES = 16;
    /** moof, mfhd, traf, tfhd, tfdt (version 1), trun without its samples, and the mdat header. */
    private static final int FRAGMENT_HEADER_BYTES = 8 + 16 + 8 + 16 + 20 + 20 + 8;

    private Fmp4Muxer() {
    }

    public static byte[] initSegment(VideoFormat format) {
        return initSegment(format, DecoderConfiguration.of(format));
    }

    public static byte[] initSegment(VideoFormat format, DecoderConfiguration config) {
        BoxWriter w = new BoxWriter(1024);
        w.start("ftyp").fourcc("iso5").u32(512).fourcc("iso5").fourcc("iso6").fourcc("mp41").end();
        w.start("moov");
        w.startFull("mvhd", 0, 0).u32(0).u32(0).u32(TIMESCALE).u32(0).u32(0x00010000).u16(0x0100).zeros(10);
        matrix(w);
        w.zeros(24).u32(TRACK_ID + 1).end();
        w.start("trak");
        w.startFull("tkhd", 0, 0x000003).u32(0).u32(0).u32(TRACK_ID).u32(0).u32(0).zeros(8).u16(0).u16(0).u16(0)
                .u16(0);
        matrix(w);
        w.u32((long) format.width() << 16).u32((long) format.height() << 16).end();
        w.start("mdia");
        w.startFull("mdhd", 0, 0).u32(0).u32(0).u32(TIMESCALE).u32(0).u16(0x55C4).u16(0).end();
        w.startFull("hdlr", 0, 0).u32(0).fourcc("vide").zeros(12).bytes("VideoHandler\0".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)).end();
        w.start("minf");
        w.startFull("vmhd", 0, 1).zeros(8).end();
        w.start("dinf").startFull("dref", 0, 0).u32(1).startFull("url ", 0, 1).end().end().end();
        w.start("stbl");
        w.startFull("stsd", 0, 0).u32(1);
        sampleEntry(w, format, config);
        w.end();
        w.startFull("stts", 0, 0).u32(0).end();
        w.startFull("stsc", 0, 0).u32(0).end();
        w.startFull("stsz", 0, 0).u32(0).u32(0).end();
        w.startFull("stco", 0, 0).u32(0).end();
        w.end().end().end().end(); // stbl, minf, mdia, trak
        w.start("mvex").startFull("trex", 0, 0).u32(TRACK_ID).u32(1).u32(0).u32(0).u32(0).end().end();
        w.end(); // moov
        return w.toByteArray();
    }

    /** The RFC 6381 codec string for a Media Source, e.g. {@code video/mp4; codecs="avc1.64001F"}. */
    public static String codecString(VideoFormat format) {
        return DecoderConfiguration.of(format).codecString();
    }

    /**
     * One moof+mdat holding {@code samples} in decode order. The fragment's base decode time is the first sample's
     * dts; each sample lasts its {@code duration90k} and is shown at {@code pts90k}.
     */
    public static byte[] fragment(int sequenceNumber, List<Sample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a fragment needs at least one sample");
        }
        long baseDts90k = samples.get(0).dts90k();
        if (baseDts90k < 0) {
            throw new IllegalArgumentException("negative decode time " + baseDts90k + ": timestamps must be "
                    + "relative to a start at or before the first sample");
        }
        // split each access unit at most once, and not at all if its source said where its NAL units begin:
        // scanning for start codes is the muxer's main cost
        List<List<NalUnits.Nal>> nals = new ArrayList<>(samples.size());
        int[] sizes = new int[samples.size()];
        int payload = 0;
        for (int i = 0; i < samples.size(); i++) {
            byte[] au = samples.get(i).data();
            List<NalUnits.Nal> units = NalUnits.atFourByteStartCodes(au, samples.get(i).nalStarts());
            if (units == null && NalUnits.isAnnexB(au)) {
                units = NalUnits.splitAnnexB(au);
            }
            nals.add(units);
            sizes[i] = units == null ? au.length : lengthPrefixedSize(units);
            payload += sizes[i];
        }
        BoxWriter w = new BoxWriter(FRAGMENT_HEADER_BYTES + samples.size() * TRUN_SAMPLE_BYTES + payload);
        w.start("moof");
        w.startFull("mfhd", 0, 0).u32(sequenceNumber).end();
        w.start("traf");
        w.startFull("tfhd", 0, TFHD_DEFAULT_BASE_IS_MOOF).u32(TRACK_ID).end();
        w.startFull("tfdt", 1, 0).u64(baseDts90k).end();
        w.startFull("trun", 1, TRUN_FLAGS).u32(samples.size());
        int dataOffsetAt = w.position();
        w.u32(0);
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            w.u32(s.duration90k()).u32(sizes[i])
                    .u32(s.keyframe() ? SAMPLE_FLAGS_SYNC : SAMPLE_FLAGS_NON_SYNC)
                    .u32(s.pts90k() - s.dts90k());
        }
        w.end().end().end(); // trun, traf, moof
        int moofSize = w.position();
        w.putU32(dataOffsetAt, moofSize + 8);
        w.start("mdat");
        for (int i = 0; i < samples.size(); i++) {
            writeLengthPrefixed(w, samples.get(i).data(), nals.get(i));
        }
        w.end();
        return w.toByteArray();
    }

    private static int lengthPrefixedSize(List<NalUnits.Nal> nals) {
        int size = 0;
        for (NalUnits.Nal n : nals) {
            size += 4 + n.length();
        }
        return size;
    }

    /** @param annexB the access unit's NAL units if it is Annex-B, else null (it is length-prefixed already) */
    private static void writeLengthPrefixed(BoxWriter w, byte[] au, List<NalUnits.Nal> annexB) {
        if (annexB == null) {
            NalUnits.splitLengthPrefixed(au); // validates the framing before it is stored
            w.bytes(au);
            return;
        }
        for (NalUnits.Nal n : annexB) {
            w.u32(n.length()).bytes(n.buffer(), n.offset(), n.length());
        }
    }

    private static void sampleEntry(BoxWriter w, VideoFormat format, DecoderConfiguration config) {
        w.start(format.codec().mp4Tag()).zeros(6).u16(1).zeros(16).u16(format.width()).u16(format.height())
                .u32(0x00480000).u32(0x00480000).u32(0).u16(1).zeros(32).u16(0x0018).u16(0xFFFF);
        w.start(format.codec() == id.pantau.recorder.segment.VideoCodec.H264 ? "avcC" : "hvcC")
                .bytes(config.record()).end();
        w.end();
    }

    private static void matrix(BoxWriter w) {
        w.u32(0x00010000).u32(0).u32(0).u32(0).u32(0x00010000).u32(0).u32(0).u32(0).u32(0x40000000);
    }
}
