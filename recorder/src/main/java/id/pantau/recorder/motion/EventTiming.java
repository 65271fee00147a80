package id.pantau.recorder.motion;

/**
 * When motion becomes an event and when the event ends.
 *
 * @param minDurationMs motion must last this long before an event starts (rejects one-frame glitches)
 * @param maxGapMs      frames without motion shorter than this do not interrupt motion that is not yet an event
 * @param cooldownMs    an event ends after this long without motion; motion again before that continues it
 * @param preRollMs     the event's clip starts this long before the motion
 * @param postRollMs    the event's clip ends this long after the motion
 */
public record EventTiming(long minDurationMs, long maxGapMs, long cooldownMs, int preRollMs, int postRollMs) {

    /** 0.4 s to confirm, 3 s of calm to end, 3 s of clip before and 5 s after. */
    public static final EventTiming DEFAULT = new EventTiming(400, 450, 3000, 3000, 5000);

    /** Timing for frames analysed at {@code framesPerSecond}: one missing frame is bridged before confirmation. */
    public static EventTiming at(double framesPerSecond, long minDurationMs, long cooldownMs, int preRollMs,
                                 int postRollMs) {
        return new EventTiming(minDurationMs, Math.round(2250 / framesPerSecond), cooldownMs, preRollMs, postRollMs);
    }

    public EventTiming {
        if (minDurationMs < 0 || maxGapMs < 0 || cooldownMs <= 0 || preRollMs < 0 || postRollMs < 0) {
            throw new IllegalArgumentException("bad event timing " + minDurationMs + "/" + maxGapMs + "/" + cooldownMs
                    + "/" + preRollMs + "/" + postRollMs);
        }
    }
}
