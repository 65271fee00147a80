package id.pantau.recorder.health.state;

/**
 * One probe of a link's target: whether it answered, how long the answer took ({@code latencyMs}, -1 when it
 * did not answer) and, on failure, why in plain words.
 */
public record ProbeResult(boolean answered, long latencyMs, String detail, long atWallMs) {

    public static ProbeResult answered(long latencyMs, long atWallMs) {
        return new ProbeResult(true, latencyMs, null, atWallMs);
    }

    public static ProbeResult failed(String detail, long atWallMs) {
        return new ProbeResult(false, -1, detail, atWallMs);
    }
}
