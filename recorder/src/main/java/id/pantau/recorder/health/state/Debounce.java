package id.pantau.recorder.health.state;

import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Hysteresis against flapping: a new state is taken only once it has been observed without interruption for the
 * hold time of that state (zero: at once). Pure: each step returns the next value.
 *
 * @param state          the confirmed state (null before the first)
 * @param reason         why the confirmed state holds
 * @param sinceWallMs    when the confirmed state was taken
 * @param candidate      a differing state observed since {@code candidateSinceMs}, or null
 */
public record Debounce<S extends Enum<S>>(S state, String reason, long sinceWallMs, S candidate,
                                          long candidateSinceMs) {

    public static <S extends Enum<S>> Debounce<S> initial() {
        return new Debounce<>(null, null, 0, null, 0);
    }

    /** A confirmed state, e.g. restored from history. */
    public static <S extends Enum<S>> Debounce<S> confirmed(S state, String reason, long sinceWallMs) {
        return new Debounce<>(state, reason, sinceWallMs, null, 0);
    }

    /**
     * @param observed the verdict now; null keeps everything as it is
     * @param holdMs   how long each state must be observed before it is taken
     */
    public Debounce<S> step(Verdict<S> observed, long nowMs, ToLongFunction<S> holdMs) {
        if (observed == null) {
            return this;
        }
        S s = observed.state();
        if (s == state) {
            return new Debounce<>(state, observed.reason(), sinceWallMs, null, 0);
        }
        long since = observed.sinceWallMs() >= 0 ? observed.sinceWallMs()
                : Objects.equals(s, candidate) ? candidateSinceMs : nowMs;
        if (nowMs - since >= holdMs.applyAsLong(s)) {
            return new Debounce<>(s, observed.reason(), since, null, 0);
        }
        return new Debounce<>(state, reason, sinceWallMs, s, since);
    }

    /** Whether this step took a new state compared with {@code before}. */
    public boolean changedFrom(Debounce<S> before) {
        return state != before.state;
    }
}
