package id.pantau.recorder.ingest.rtsp;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;

/**
 * Lets an ingest event loop pause a few milliseconds before each poll of its sockets instead of waking for
 * every burst of RTP. Each camera sends a burst per frame, so 64 cameras at 25 fps would wake a loop 1,600
 * times a second for a few packets each; paced, a loop wakes 200 times a second and reads every socket that
 * became ready meanwhile (the kernel buffers the bursts). Pending tasks are never held back by the pause.
 */
final class PacedSelectStrategy implements SelectStrategy {

    private final long pauseMs;

    PacedSelectStrategy(long pauseMs) {
        if (pauseMs <= 0) {
            throw new IllegalArgumentException("pauseMs must be positive: " + pauseMs);
        }
        this.pauseMs = pauseMs;
    }

    @Override
    public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
        if (!hasTasks) {
            Thread.sleep(pauseMs);
        }
        return selectNow.get();
    }
}
