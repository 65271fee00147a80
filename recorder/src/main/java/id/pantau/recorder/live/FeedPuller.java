package id.pantau.recorder.live;

import id.pantau.recorder.ingest.AccessUnitAssembler;
import id.pantau.recorder.ingest.Backoff;
import id.pantau.recorder.ingest.CameraConfig;
import id.pantau.recorder.ingest.IngestFailure;
import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.ingest.PacketSource;
import id.pantau.recorder.ingest.RtspUrls;
import id.pantau.recorder.ingest.StreamOpener;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a camera stream for a feed nobody records (sub streams, cameras of other nodes) on a thread of its own,
 * reconnecting with backoff, for as long as the feed has viewers.
 */
final class FeedPuller {

    private static final Logger log = LoggerFactory.getLogger(FeedPuller.class);

    private final LiveFeed feed;
    private final CameraConfig config;
    private final StreamOpener opener;
    private final Backoff backoff;
    private final Thread thread;
    private final Object wakeUp = new Object();
    private volatile boolean running = true;
    private volatile PacketSource source;

    FeedPuller(LiveFeed feed, CameraConfig config, StreamOpener opener) {
        this.feed = feed;
        this.config = config;
        this.opener = opener;
        this.backoff = new Backoff(config.backoffMin().toMillis(), config.backoffMax().toMillis(), new Random());
        this.thread = new Thread(this::loop, "live-" + config.label());
        this.thread.setDaemon(true);
    }

    FeedPuller start() {
        log.info("{}: pulling live from {}", config.label(), RtspUrls.redact(config.url()));
        thread.start();
        return this;
    }

    /** Asks the thread to end; does not wait (a camera that never answers TEARDOWN must not hold the caller). */
    void stop() {
        running = false;
        PacketSource current = source;
        if (current != null) {
            current.abort();
        }
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    void join(long timeoutMs) throws InterruptedException {
        thread.join(timeoutMs);
    }

    private void loop() {
        int failuresInARow = 0;
        while (running) {
            String reason = pullOnce();
            if (feed.status().state() == FeedStatus.State.LIVE) {
                failuresInARow = 0;
            }
            feed.disconnected(running ? reason : null, running);
            if (!running) {
                break;
            }
            long delayMs = backoff.delayMs(failuresInARow++);
            log.info("{}: live pull ended ({}); again in {} ms", config.label(), reason, delayMs);
            pause(delayMs);
        }
        log.info("{}: live pull stopped", config.label());
    }

    /** One connection; returns why it ended. */
    private String pullOnce() {
        AccessUnitAssembler assembler = new AccessUnitAssembler();
        try (PacketSource opened = opener.open(config)) {
            source = opened;
            if (!running) {
                return "stopped";
            }
            feed.connected(opened.info());
            while (running) {
                MediaPacket accessUnit = assembler.push(opened.read());
                if (accessUnit != null) {
                    feed.accept(accessUnit);
                }
            }
            return "stopped";
        } catch (IngestFailure failure) {
            return failure.getMessage();
        } catch (RuntimeException e) {
            log.error("{}: live pull failed", config.label(), e);
            return "internal error: " + e.getClass().getSimpleName();
        } finally {
            source = null;
        }
    }

    private void pause(long ms) {
        synchronized (wakeUp) {
            if (running) {
                try {
                    wakeUp.wait(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }
}
