package id.pantau.recorder.ingest;

import java.util.random.RandomGenerator;

/** Reconnect delays 1, 2, 4 … capped, each spread by ±20 % so cameras that failed together do not retry together. */
public record Backoff(long minMs, long maxMs, RandomGenerator random) {

    private static final double JITTER = 0.2;

    public Backoff {
        if (minMs <= 0 || maxMs < minMs) {
            throw new IllegalArgumentException("bad backoff " + minMs + ".." + maxMs);
        }
    }

    /** Delay before retry number {@code attempt} (0 for the first retry after a failure). */
    public long delayMs(int attempt) {
        long base = maxMs;
        if (attempt < 62 && minMs <= (maxMs >> Math.min(attempt, 62))) {
            base = Math.min(maxMs, minMs << attempt);
        }
        double factor = 1 + JITTER * (2 * random.nextDouble() - 1);
        return Math.min(maxMs, Math.max(1, Math.round(base * factor)));
    }
}
