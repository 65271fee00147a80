package id.pantau.recorder.motion;

import java.util.function.LongSupplier;

/** Dates frames in wall time from their media timestamps. */
public interface FrameTimes {

    /** Wall time (UTC ms) of the frame with presentation time {@code pts90k}. */
    long wallMs(long pts90k);

    /** The stream restarted: forget the mapping. */
    void reset();

    /**
     * For live streams: media time anchored to the earliest arrival seen. A frame can arrive late (buffering,
     * probing, network) but never early, so the smallest arrival-minus-media offset is the best estimate; it
     * relaxes by a millisecond per frame so a camera clock slower than ours is followed, and re-anchors when
     * frames arrive far later than predicted (a timestamp jump).
     */
    static FrameTimes live(LongSupplier wallClockMs) {
        return new FrameTimes() {
            private static final long REANCHOR_MS = 3000;
            private boolean anchored;
            private long offsetMs;

            @Override
            public long wallMs(long pts90k) {
                long arrivalMs = wallClockMs.getAsLong();
                long observed = arrivalMs - pts90k / 90;
                if (!anchored || observed < offsetMs || observed - offsetMs > REANCHOR_MS) {
                    offsetMs = observed;
                    anchored = true;
                } else {
                    offsetMs = Math.min(observed, offsetMs + 1);
                }
                return pts90k / 90 + offsetMs;
            }

            @Override
            public void reset() {
                anchored = false;
            }
        };
    }

    /** For recorded media read faster than real time: media time from {@code originWallMs} at the first frame. */
    static FrameTimes fromMedia(long originWallMs) {
        return new FrameTimes() {
            private Long firstPts90k;

            @Override
            public long wallMs(long pts90k) {
                if (firstPts90k == null) {
                    firstPts90k = pts90k;
                }
                return originWallMs + (pts90k - firstPts90k) / 90;
            }

            @Override
            public void reset() {
                firstPts90k = null;
            }
        };
    }
}
