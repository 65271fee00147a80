package id.pantau.recorder.export;

/**
 * Writes the moov box of a progressive MP4 with one video track: movie and track headers, an edit list that
 * starts presentation at the requested instant, and the sample tables. Creation times are left at zero so the
 * same recording and range always give the same bytes.
 */
final class MovieBox {

    /** Movie timescale for mvhd, tkhd and the edit list: milliseconds. */
    static final long MOVIE_TIMESCALE = 1000;
    private static final int LANGUAGE_UND = 0x55C4;
    private static final String HANDLER_NAME = "Pantau export";
    private static final int FIXED_HEADER_ROOM = 1024;

    private MovieBox() {
    }

    /**
     * Where presentation starts and how long it lasts.
     *
     * @param mediaTime first presented instant, in the media timescale (decode time of the first sample is 0)
     * @param durationMs presented duration in the movie timescale
     */
    record Edit(long mediaTime, long durationMs) {
    }

    /** The largest moov this many samples and chunks can need. */
    static long upperBoundBytes(long samples, long chunks, long descriptionBytes) {
        return FIXED_HEADER_ROOM + SampleTable.upperBoundBytes(samples, chunks, descriptionBytes);
    }

    static byte[] write(SampleTable table, long timescale, int width, int height, Edit edit) {
        BoxWriter w = new BoxWriter();
        long mediaDuration = table.duration();
        w.begin("moov");
        writeMovieHeader(w, edit.durationMs());
        w.begin("trak");
        writeTrackHeader(w, edit.durationMs(), width, height);
        writeEditList(w, edit);
        w.begin("mdia");
        timedBox(w, "mdhd", 0, mediaDuration, timescale);
        w.u16(LANGUAGE_UND).u16(0).end();
        w.beginFull("hdlr", 0, 0).u32(0).fourcc("vide").zeros(12).raw((HANDLER_NAME + "\0").getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)).end();
        w.begin("minf");
        w.beginFull("vmhd", 0, 1).u16(0).u16(0).u16(0).u16(0).end();
        w.begin("dinf").beginFull("dref", 0, 0).u32(1).beginFull("url ", 0, 1).end().end().end();
        table.writeStbl(w);
        w.end(); // minf
        w.end(); // mdia
        w.end(); // trak
        w.end(); // moov
        return w.toByteArray();
    }

    private static void writeMovieHeader(BoxWriter w, long durationMs) {
        timedBox(w, "mvhd", 0, durationMs, MOVIE_TIMESCALE);
        w.u32(0x00010000).u16(0x0100).zeros(10).unityMatrix().zeros(24).u32(2).end();
    }

    private static void writeTrackHeader(BoxWriter w, long durationMs, int width, int height) {
        // flags: track enabled, in movie; track 1, then a reserved field
        timedBox(w, "tkhd", 3, durationMs, 1, 0);
        w.zeros(8).u16(0).u16(0).u16(0).u16(0).unityMatrix().u32((long) width << 16).u32((long) height << 16).end();
    }

    /**
     * Opens a full box that starts with creation and modification times (zero), the given 32-bit fields and a
     * duration; version 1 (64-bit times) only when the duration needs it.
     */
    private static void timedBox(BoxWriter w, String type, int flags, long duration, long... fields) {
        boolean long64 = duration > 0xFFFF_FFFFL;
        w.beginFull(type, long64 ? 1 : 0, flags);
        if (long64) {
            w.u64(0).u64(0);
        } else {
            w.u32(0).u32(0);
        }
        for (long f : fields) {
            w.u32(f);
        }
        if (long64) {
            w.u64(duration);
        } else {
            w.u32(duration);
        }
    }

    private static void writeEditList(BoxWriter w, Edit edit) {
        boolean long64 = edit.durationMs() > 0xFFFF_FFFFL || edit.mediaTime() > Integer.MAX_VALUE;
        w.begin("edts").beginFull("elst", long64 ? 1 : 0, 0).u32(1);
        if (long64) {
            w.u64(edit.durationMs()).u64(edit.mediaTime());
        } else {
            w.u32(edit.durationMs()).u32(edit.mediaTime());
        }
        // media_rate_integer 1, media_rate_fraction 0
        w.u16(1).u16(0).end().end();
    }
}
