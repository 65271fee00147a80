package id.pantau.recorder.testing;

import java.util.function.BooleanSupplier;

/** Polls a condition; returns how long it took, or fails after the timeout. */
public final class Await {

    private Await() {
    }

    public static long millisUntil(BooleanSupplier condition, long timeoutMs, String what) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if ((System.nanoTime() - start) / 1_000_000 > timeoutMs) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what);
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
