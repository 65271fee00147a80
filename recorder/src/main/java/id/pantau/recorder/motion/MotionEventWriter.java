package id.pantau.recorder.motion;

import id.pantau.storage.index.ObjectKeys;
import id.pantau.storage.motion.MotionEvents;
import id.pantau.storage.s3.FileDigest;
import id.pantau.storage.s3.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the events analysers find: the row in the index (which marks the segments it overlaps), the snapshot
 * in the object store under a key the server builds, then tells the {@link MotionFeed}. Work runs in order on one
 * thread of its own, so a slow index or store never holds up an analyser.
 */
public final class MotionEventWriter implements MotionListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MotionEventWriter.class);
    private static final int QUEUE = 1000;

    private final MotionEvents events;
    private final ObjectStore store;
    private final Path scratchDir;
    private final MotionFeed feed;
    private final Map<Long, Long> rowIds = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor worker;

    public MotionEventWriter(MotionEvents events, ObjectStore store, Path scratchDir, MotionFeed feed) {
        this.events = events;
        this.store = store;
        this.scratchDir = scratchDir;
        this.feed = feed;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "motion-events");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void started(Started e) {
        submit(() -> {
            long id = events.start(e.cameraId(), e.startWallMs(), e.preRollMs(), e.postRollMs(), e.score(), e.boxes());
            rowIds.put(e.eventKey(), id);
            if (e.snapshotJpeg() != null) {
                storeSnapshot(id, e);
            }
            events.find(e.cameraId(), id).ifPresent(row -> feed.published(MotionFeed.Change.STARTED, row));
        });
    }

    @Override
    public void ended(Ended e) {
        submit(() -> {
            Long id = rowIds.remove(e.eventKey());
            if (id == null) {
                return;
            }
            events.end(id, e.endWallMs(), e.peakScore());
            events.find(e.cameraId(), id).ifPresent(row -> feed.published(MotionFeed.Change.ENDED, row));
        });
    }

    /** Ends the analysis of a camera whose events a crash left ongoing. */
    public void closeDangling(String cameraId) {
        submit(() -> {
            int n = events.closeDangling(cameraId);
            if (n > 0) {
                LOG.info("{}: closed {} motion events left ongoing by an earlier run", cameraId, n);
            }
        });
    }

    private void storeSnapshot(long id, Started e) {
        String key = ObjectKeys.motionSnapshot(e.cameraId(), e.startWallMs());
        Path file = null;
        try {
            Files.createDirectories(scratchDir);
            file = Files.createTempFile(scratchDir, "snapshot-", ".jpg");
            Files.write(file, e.snapshotJpeg());
            store.put(key, file, FileDigest.of(file).sha256Hex(), Map.of("camera", e.cameraId()));
            events.attachSnapshot(id, key);
        } catch (IOException | RuntimeException failure) {
            LOG.warn("{}: motion snapshot not stored: {}", e.cameraId(), failure.toString());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a leftover temp file in the scratch directory is harmless
                }
            }
        }
    }

    private void submit(Runnable work) {
        try {
            worker.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException failure) {
                    LOG.warn("motion event not stored: {}", failure.toString());
                }
            });
        } catch (RejectedExecutionException full) {
            LOG.warn("motion event dropped: the index or object store is not keeping up");
        }
    }

    /** Waits (at most {@code timeoutMs}) until everything submitted so far is stored; for tests and shutdown. */
    public boolean drain(long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (worker.getActiveCount() > 0 || !worker.getQueue().isEmpty()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
