package id.pantau.recorder.motion;

import id.pantau.recorder.ingest.Backoff;
import id.pantau.recorder.ingest.CameraConfig;
import id.pantau.recorder.ingest.IngestFailure;
import id.pantau.recorder.ingest.PacketSource;
import id.pantau.recorder.ingest.StreamOpener;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls one camera stream on its own thread with the recorder's {@link StreamOpener} and pushes it into an
 * {@link AnalysisInput}; reconnects with backoff. Stands in until the stream can come from a shared subscription.
 */
public final class StreamPuller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamPuller.class);
    private static final long STOP_JOIN_MS = 5_000;

    private final CameraConfig config;
    private final StreamOpener opener;
    private final AnalysisInput input;
    private final Backoff backoff;
    private final Thread thread;
    private final Object wakeUp = new Object();
    private volatile boolean running;
    private volatile PacketSource source;
    private volatile String lastFailure;

    public StreamPuller(CameraConfig config, StreamOpener opener, AnalysisInput input, Random random) {
        this.config = config;
        this.opener = opener;
        this.input = input;
        this.backoff = new Backoff(config.backoffMin().toMillis(), config.backoffMax().toMillis(), random);
        this.thread = new Thread(this::loop, "motion-" + config.label());
        this.thread.setDaemon(true);
    }

    public CameraConfig config() {
        return config;
    }

    /** Why the last connection ended, or null if none has failed yet. */
    public String lastFailure() {
        return lastFailure;
    }

    public void start() {
        running = true;
        thread.start();
    }

    private void loop() {
        int failuresInARow = 0;
        while (running) {
            boolean gotPackets = pullOnce();
            if (!running) {
                break;
            }
            failuresInARow = gotPackets ? 0 : failuresInARow + 1;
            long delayMs = backoff.delayMs(Math.max(0, failuresInARow - 1));
            LOG.warn("{}: motion analysis stream: {}; reconnecting in {} ms", config.label(), lastFailure, delayMs);
            sleep(delayMs);
        }
    }

    /** One connection; returns whether any packet arrived. */
    private boolean pullOnce() {
        boolean gotPackets = false;
        boolean announced = false;
        try (PacketSource opened = opener.open(config)) {
            source = opened;
            if (!running) {
                return false;
            }
            // analysis is judged by media time, so taking what arrived five times a second changes no result
            opened.coalesceReads(() -> true, () -> PacketSource.COALESCE_MS);
            input.formatChanged(opened.info());
            announced = true;
            while (running) {
                input.accept(opened.read());
                gotPackets = true;
            }
        } catch (IngestFailure e) {
            lastFailure = e.getMessage();
        } catch (RuntimeException e) {
            lastFailure = "internal error: " + e;
            LOG.error("{}: motion analysis failed", config.label(), e);
        } finally {
            source = null;
            if (announced) {
                input.disconnected();
            }
        }
        return gotPackets;
    }

    private void sleep(long ms) {
        synchronized (wakeUp) {
            if (!running) {
                return;
            }
            try {
                wakeUp.wait(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** Stops pulling and waits for the thread to end. */
    @Override
    public void close() {
        running = false;
        PacketSource current = source;
        if (current != null) {
            current.abort();
        }
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        try {
            thread.join(STOP_JOIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
