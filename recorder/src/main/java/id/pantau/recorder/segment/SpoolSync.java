package id.pantau.recorder.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group durability for the spool: one thread makes every camera's appends durable with a single {@code syncfs}
 * of the spool's file system every {@link #INTERVAL} (in place of an fdatasync per fragment per camera, 64 a
 * second at 64 cameras, each with its own journal commit and disk flush). A file's {@link SpoolFile#force()}
 * then only reports a failed sync. Where syncfs is unavailable, or {@value #PROPERTY}{@code =fdatasync}, each
 * force is an fdatasync of that file as before.
 */
public final class SpoolSync extends ForwardingSpoolFiles implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SpoolSync.class);

    /** System property that pins the mode (syncfs or fdatasync), e.g. to compare them in a benchmark. */
    public static final String PROPERTY = "pantau.spool.sync";
    /** Half the "at least once a second": a byte is durable at most ~0.5 s after its write. */
    static final Duration INTERVAL = Duration.ofMillis(500);
    private static final long SLOW_SYNC_MS = 2_000;
    private static final long SLOW_LOG_EVERY_MS = 60_000;

    /** How appends become durable. */
    public enum Mode { SYNCFS, FDATASYNC }

    private final FileSystemSync fileSystem;
    private final long intervalNanos;
    private final Set<SyncedFile> written = ConcurrentHashMap.newKeySet();
    private final AtomicLong syncs = new AtomicLong();
    private final Thread thread;
    private volatile boolean closing;
    private long lastSlowLogMs = -SLOW_LOG_EVERY_MS;

    private SpoolSync(SpoolFiles delegate, FileSystemSync fileSystem, Duration interval) {
        super(delegate);
        this.fileSystem = fileSystem;
        this.intervalNanos = interval.toNanos();
        if (fileSystem == null) {
            this.thread = null;
        } else {
            this.thread = new Thread(this::run, "spool-sync");
            this.thread.setDaemon(true);
            this.thread.start();
        }
    }

    /** The spool in {@code spoolDir} on the local file system, synced the way {@value #PROPERTY} says (default syncfs). */
    public static SpoolSync start(Path spoolDir) throws IOException {
        SpoolFiles files = SpoolFiles.nio();
        files.createDirectories(spoolDir);
        Mode mode = mode(System.getProperty(PROPERTY, ""));
        if (mode == Mode.FDATASYNC) {
            log.info("spool {}: an fdatasync per fragment ({}=fdatasync)", spoolDir, PROPERTY);
            return perFile(files);
        }
        Syncfs syncfs = null;
        try {
            syncfs = Syncfs.open(spoolDir);
            syncfs.sync(); // a file system that refuses syncfs shows now, not at the first fragment
        } catch (IOException e) {
            if (syncfs != null) {
                syncfs.close();
            }
            log.warn("spool {}: an fdatasync per fragment, since syncfs cannot be used: {}", spoolDir,
                    e.getMessage());
            return perFile(files);
        }
        log.info("spool {}: appends made durable by one syncfs every {} ms for all cameras", spoolDir,
                INTERVAL.toMillis());
        return new SpoolSync(files, syncfs, INTERVAL);
    }

    /** Group-synced: {@code fileSystem} is synced every {@code interval} while anything was written. */
    static SpoolSync grouped(SpoolFiles delegate, FileSystemSync fileSystem, Duration interval) {
        return new SpoolSync(delegate, fileSystem, interval);
    }

    /** No group sync: each force is the delegate's own (an fdatasync for {@link SpoolFiles#nio()}). */
    static SpoolSync perFile(SpoolFiles delegate) {
        return new SpoolSync(delegate, null, INTERVAL);
    }

    static Mode mode(String property) {
        String value = property.strip().toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            return Mode.SYNCFS;
        }
        try {
            return Mode.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + "=" + property + ": expected syncfs or fdatasync", e);
        }
    }

    public Mode mode() {
        return fileSystem == null ? Mode.FDATASYNC : Mode.SYNCFS;
    }

    /** File-system syncs done so far (0 in fdatasync mode). */
    public long syncs() {
        return syncs.get();
    }

    @Override
    public SpoolFile create(Path path) throws IOException {
        SpoolFile file = super.create(path);
        return fileSystem == null ? file : new SyncedFile(file);
    }

    private void run() {
        long next = System.nanoTime();
        while (!closing) {
            next += intervalNanos;
            try {
                syncWritten();
            } catch (RuntimeException e) {
                // the thread must outlive a bug: without it nothing written is made durable any more
                log.error("spool sync failed unexpectedly; trying again in {} ms", INTERVAL.toMillis(), e);
            }
            long now = System.nanoTime();
            if (next - now <= 0) {
                next = now; // a sync slower than the interval: the next one starts at once, none are stacked
            }
            while (!closing && next - System.nanoTime() > 0) {
                LockSupport.parkNanos(this, next - System.nanoTime());
            }
        }
        syncWritten();
    }

    /** One group sync of whatever was written since the last one; package-private for tests. */
    void syncWritten() {
        if (written.isEmpty()) {
            return;
        }
        // a write that lands after its file is taken off the set puts it back, so it is synced next time
        List<SyncedFile> batch = new ArrayList<>();
        for (Iterator<SyncedFile> it = written.iterator(); it.hasNext(); ) {
            batch.add(it.next());
            it.remove();
        }
        long started = System.nanoTime();
        try {
            fileSystem.sync();
            syncs.incrementAndGet();
        } catch (IOException e) {
            log.error("{}; syncing the {} spool files written since the last sync one by one", e.getMessage(),
                    batch.size());
            syncOneByOne(batch, e);
        }
        logIfSlow(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), batch.size());
    }

    /** After a failed syncfs: an fdatasync per file names the file that cannot be made durable. */
    private static void syncOneByOne(List<SyncedFile> batch, IOException cause) {
        for (SyncedFile f : batch) {
            try {
                f.delegate().force();
            } catch (ClosedChannelException closed) {
                // closed since: its segment is uploaded from the bytes written, checked against their SHA-256
            } catch (IOException e) {
                IOException failure = new IOException("spool file " + f.path() + " could not be made durable: "
                        + e.getMessage() + " (after: " + cause.getMessage() + ")", e);
                f.failure = failure;
                log.error(failure.getMessage());
            }
        }
    }

    private void logIfSlow(long tookMs, int files) {
        long nowMs = System.currentTimeMillis();
        if (tookMs >= SLOW_SYNC_MS && nowMs - lastSlowLogMs >= SLOW_LOG_EVERY_MS) {
            lastSlowLogMs = nowMs;
            log.warn("spool sync of {} files took {} ms (the disk is slower than the cameras write)", files, tookMs);
        }
    }

    /** Stops the sync thread after a last sync. */
    @Override
    public void close() throws IOException {
        if (thread == null) {
            return;
        }
        closing = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fileSystem.close();
    }

    /** A spool file whose durability comes from the group sync. */
    private final class SyncedFile extends ForwardingSpoolFile {
        private volatile IOException failure;

        SyncedFile(SpoolFile file) {
            super(file);
        }

        @Override
        public void write(ByteBuffer bytes) throws IOException {
            failIfSyncFailed();
            super.write(bytes);
            written.add(this);
        }

        /** Durable by the next group sync, at most one interval away; throws what an earlier sync found. */
        @Override
        public void force() throws IOException {
            failIfSyncFailed();
        }

        @Override
        public void truncate(long length) throws IOException {
            super.truncate(length);
            written.add(this);
        }

        private void failIfSyncFailed() throws IOException {
            IOException f = failure;
            if (f != null) {
                throw new IOException(f.getMessage(), f);
            }
        }
    }
}
