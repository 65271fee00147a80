package id.pantau.recorder.motion;

/**
 * The decision core: turns a sequence of per-frame motion verdicts into events. Motion that lasts
 * {@link EventTiming#minDurationMs} starts an event dated from its first frame; the event ends, dated at its
 * last frame with motion, once {@link EventTiming#cooldownMs} pass without motion. Pure: time comes in with
 * each frame.
 */
public final class EventTracker {

    /** What one frame changed. */
    public enum Change {
        NONE, STARTED, ENDED
    }

    private enum State {
        IDLE, PENDING, ACTIVE
    }

    private final EventTiming timing;
    private State state = State.IDLE;
    private long firstMotionMs;
    private long lastMotionMs;
    private double peakScore;

    public EventTracker(EventTiming timing) {
        this.timing = timing;
    }

    /**
     * One analysed frame at {@code wallMs} (non-decreasing) with {@code score} > 0 when it shows motion.
     * After {@link Change#STARTED} {@link #startMs()} holds the start; after {@link Change#ENDED} {@link #endMs()}
     * the end and {@link #peakScore()} the event's peak.
     */
    public Change frame(long wallMs, double score) {
        boolean motion = score > 0;
        switch (state) {
            case IDLE -> {
                if (motion) {
                    state = State.PENDING;
                    firstMotionMs = wallMs;
                    lastMotionMs = wallMs;
                    peakScore = score;
                    return confirmIfLongEnough();
                }
                return Change.NONE;
            }
            case PENDING -> {
                if (motion) {
                    lastMotionMs = wallMs;
                    peakScore = Math.max(peakScore, score);
                    return confirmIfLongEnough();
                }
                if (wallMs - lastMotionMs > timing.maxGapMs()) {
                    state = State.IDLE;
                }
                return Change.NONE;
            }
            default -> {
                if (motion) {
                    lastMotionMs = wallMs;
                    peakScore = Math.max(peakScore, score);
                    return Change.NONE;
                }
                if (wallMs - lastMotionMs >= timing.cooldownMs()) {
                    state = State.IDLE;
                    return Change.ENDED;
                }
                return Change.NONE;
            }
        }
    }

    /** The stream broke off: an open event ends at its last motion, unconfirmed motion is forgotten. */
    public Change interrupt() {
        State was = state;
        state = State.IDLE;
        return was == State.ACTIVE ? Change.ENDED : Change.NONE;
    }

    private Change confirmIfLongEnough() {
        if (lastMotionMs - firstMotionMs >= timing.minDurationMs()) {
            state = State.ACTIVE;
            return Change.STARTED;
        }
        return Change.NONE;
    }

    public boolean active() {
        return state == State.ACTIVE;
    }

    public long startMs() {
        return firstMotionMs;
    }

    public long endMs() {
        return lastMotionMs;
    }

    public double peakScore() {
        return peakScore;
    }

    public EventTiming timing() {
        return timing;
    }
}
