package id.pantau.recorder.ingest;

import java.util.ArrayDeque;

/** Counts runs broken by bad timestamps; too many within a minute means the camera's clock is unusable. */
final class TimestampBreaks {

    private static final long WINDOW_MS = 60_000;

    private final int limit;
    private final ArrayDeque<Long> times = new ArrayDeque<>();

    TimestampBreaks(int limit) {
        this.limit = limit;
    }

    /** Records a break at this wall time; true if the limit is now exceeded. */
    boolean recordAndExceeded(long wallMs) {
        times.addLast(wallMs);
        while (!times.isEmpty() && times.peekFirst() <= wallMs - WINDOW_MS) {
            times.removeFirst();
        }
        return times.size() > limit;
    }

    int inWindow() {
        return times.size();
    }

    void reset() {
        times.clear();
    }
}
