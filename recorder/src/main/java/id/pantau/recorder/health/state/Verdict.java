package id.pantau.recorder.health.state;

/**
 * A state and the reason for it in plain words, as shown to the NOC and sent in alerts. {@code sinceWallMs} is
 * when the evidence for it began (e.g. the first of several failed probes), or -1 for "now".
 */
public record Verdict<S extends Enum<S>>(S state, String reason, long sinceWallMs) {

    public static <S extends Enum<S>> Verdict<S> of(S state, String reason) {
        return new Verdict<>(state, reason, -1);
    }

    public static <S extends Enum<S>> Verdict<S> since(S state, String reason, long sinceWallMs) {
        return new Verdict<>(state, reason, sinceWallMs);
    }
}
