package id.pantau.recorder.motion;

/** Picks frames at about the analysis rate out of a faster stream, by media time. */
final class FrameSampler {
    private final long interval90k;
    private long last90k;
    private boolean first = true;

    FrameSampler(double framesPerSecond) {
        if (!(framesPerSecond > 0)) {
            throw new IllegalArgumentException("analysis rate must be positive: " + framesPerSecond);
        }
        this.interval90k = Math.round(90_000 / framesPerSecond);
    }

    /** Whether the frame at {@code pts90k} is analysed; a step back in time starts afresh. */
    boolean take(long pts90k) {
        // a tenth of the interval early still counts, so 25 fps divides into 5 fps evenly despite rounding
        if (first || pts90k - last90k >= interval90k - interval90k / 10 || pts90k < last90k) {
            first = false;
            last90k = pts90k;
            return true;
        }
        return false;
    }

    void reset() {
        first = true;
    }
}
