package id.pantau.recorder.health.history;

/** A stretch of wall time in one state (null: no state known). */
public record StateSpan(String state, long startMs, long endMs) {

    public long durationMs() {
        return endMs - startMs;
    }
}
