package id.pantau.recorder.ingest;

import id.pantau.recorder.ingest.CameraState.Phase;
import id.pantau.recorder.segment.RunStartReason;
import id.pantau.recorder.segment.SegmentSink;
import id.pantau.recorder.segment.SpoolFiles;
import java.time.Clock;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one camera stream on its own thread: connect, read packets, write segments, and on any failure
 * reconnect with backoff. Failures never leave this class; they show in {@link #state()}.
 */
public final class CameraRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CameraRecorder.class);
    private static final long STOP_JOIN_MS = 5_000;

    private final CameraConfig config;
    private final StreamOpener opener;
    private final SpoolFiles files;
    private final SegmentSink sink;
    private final Clock clock;
    private final CameraProbe probe;
    private final Backoff backoff;
    private final StatsMeter stats;
    private final TimestampBreaks breaks;
    private final Thread thread;

    private volatile boolean running;
    private volatile CameraState state;
    private volatile PacketSource source;
    private volatile PacketTap tap = PacketTap.NONE;
    private final Object wakeUp = new Object();

    public CameraRecorder(CameraConfig config, StreamOpener opener, SpoolFiles files, SegmentSink sink, Clock clock,
                          CameraProbe probe, Random random) {
        this.config = Objects.requireNonNull(config);
        this.opener = opener;
        this.files = files;
        this.sink = sink;
        this.clock = clock;
        this.probe = probe;
        this.backoff = new Backoff(config.backoffMin().toMillis(), config.backoffMax().toMillis(), random);
        this.stats = new StatsMeter(clock);
        this.breaks = new TimestampBreaks(config.timestampBreaksLimit());
        this.state = new CameraState(Phase.CONNECTING, null, clock.millis(), 0);
        this.thread = new Thread(this::loop, "ingest-" + config.label());
        this.thread.setDaemon(true);
    }

    /** An RTSP camera recorded to the local spool with the system clock, read by the default ingest. */
    public static CameraRecorder rtsp(CameraConfig config, SegmentSink sink) {
        return rtsp(config, sink, Ingest.NETTY);
    }

    /** An RTSP camera recorded to the local spool with the system clock, read by the given ingest. */
    public static CameraRecorder rtsp(CameraConfig config, SegmentSink sink, Ingest ingest) {
        return rtsp(config, sink, ingest, SpoolFiles.nio());
    }

    /** An RTSP camera recorded with the system clock, read by the given ingest, to the spool through {@code files}. */
    public static CameraRecorder rtsp(CameraConfig config, SegmentSink sink, Ingest ingest, SpoolFiles files) {
        return new CameraRecorder(config, ingest.opener(), files, sink, Clock.systemUTC(),
                new RtspDescribeProbe(), new Random());
    }

    public CameraConfig config() {
        return config;
    }

    /** Shows every access unit read to {@code packetTap} as well (live view); set before {@link #start()}. */
    public CameraRecorder tap(PacketTap packetTap) {
        this.tap = Objects.requireNonNull(packetTap);
        packetTap.wakeWith(() -> {
            PacketSource current = source;
            if (current != null) {
                current.handOverNow();
            }
        });
        return this;
    }

    public void start() {
        running = true;
        thread.start();
    }

    /** Stops reading, closes the open segment (handing it to the sink) and waits for the thread to end. */
    public void stop() {
        running = false;
        PacketSource current = source;
        if (current != null) {
            current.abort();
        }
        // no Thread.interrupt(): it would close the spool FileChannel mid-write
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        try {
            thread.join(STOP_JOIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public CameraState state() {
        return state;
    }

    public StreamStats snapshot() {
        return stats.snapshot();
    }

    private void loop() {
        int failuresInARow = 0;
        RunStartReason reason = RunStartReason.FIRST;
        while (running) {
            IngestFailure failure = connectAndRecord(reason);
            if (!running) {
                break;
            }
            reason = RunStartReason.RECONNECT;
            stats.reconnected();
            if (state.phase() == Phase.RECORDING) {
                failuresInARow = 0;
            }
            if (failure.kind().cameraError()) {
                long retryMs = config.errorRetry().toMillis();
                LOG.error("{}: {}; retrying in {} ms", config.label(), failure.getMessage(), retryMs);
                setState(Phase.ERROR, failure.getMessage(), retryMs);
                pause(retryMs, false);
            } else {
                long delayMs = backoff.delayMs(failuresInARow);
                LOG.warn("{}: {}; reconnecting in {} ms", config.label(), failure.getMessage(), delayMs);
                setState(Phase.RECONNECTING, failure.getMessage(), delayMs);
                pause(delayMs, true);
            }
            failuresInARow++;
        }
        state = new CameraState(Phase.STOPPED, null, clock.millis(), 0);
        tap.stopped();
    }

    /** One connection, from open to failure; the returned failure says why it ended. */
    private IngestFailure connectAndRecord(RunStartReason reason) {
        IngestFailure failure = connectAndRecordOnce(reason);
        tap.disconnected(failure.getMessage());
        return failure;
    }

    private IngestFailure connectAndRecordOnce(RunStartReason reason) {
        StreamIngest ingest = null;
        AccessUnitAssembler assembler = new AccessUnitAssembler();
        try (PacketSource opened = opener.open(config)) {
            source = opened;
            if (!running) {
                return new IngestFailure(IngestFailure.Kind.ENDED, "stopped");
            }
            stats.connectionStarted();
            tap.connected(opened.info());
            ingest = new StreamIngest(config, opened, reason, files, sink, clock, stats, breaks,
                    () -> setState(Phase.RECORDING, null, 0));
            opened.coalesceReads(() -> !tap.watched(), ingest::handOverLateMs);
            long lostSeen = 0;
            while (running) {
                MediaPacket packet = opened.read();
                long lost = opened.lostPackets();
                if (lost != lostSeen) {
                    stats.lost(lost - lostSeen);
                    lostSeen = lost;
                }
                record(packet, assembler, ingest);
            }
            // stopping: what has arrived is recorded too, though the source held it back to hand it over in one go
            for (MediaPacket queued = opened.poll(); queued != null; queued = opened.poll()) {
                record(queued, assembler, ingest);
            }
            ingest.finish();
            return new IngestFailure(IngestFailure.Kind.ENDED, "stopped");
        } catch (IngestFailure failure) {
            return finishAfter(ingest, drainInto(ingest, assembler, failure));
        } catch (RuntimeException e) {
            LOG.error("{}: unexpected failure", config.label(), e);
            return finishAfter(ingest, new IngestFailure(IngestFailure.Kind.INTERNAL,
                    "internal error: " + e.getClass().getSimpleName() + ": " + RtspUrls.redact(e.getMessage()), e));
        } finally {
            source = null;
        }
    }

    private void record(MediaPacket packet, AccessUnitAssembler assembler, StreamIngest ingest) throws IngestFailure {
        stats.packet();
        MediaPacket accessUnit = assembler.push(packet);
        if (accessUnit != null) {
            stats.frame(accessUnit.data().length, accessUnit.keyframe(), accessUnit.dts90k());
            tap.accessUnit(accessUnit);
            ingest.accept(accessUnit);
        }
    }

    /**
     * When the stream ended cleanly the last access unit is complete and worth keeping; after a stall it may
     * lack slices, so it is dropped.
     */
    private static IngestFailure drainInto(StreamIngest ingest, AccessUnitAssembler assembler, IngestFailure failure) {
        MediaPacket last = assembler.drain();
        if (ingest == null || last == null || failure.kind() != IngestFailure.Kind.ENDED) {
            return failure;
        }
        try {
            ingest.accept(last);
            return failure;
        } catch (IngestFailure spoolOrStreamFailure) {
            return spoolOrStreamFailure;
        }
    }

    private IngestFailure finishAfter(StreamIngest ingest, IngestFailure failure) {
        if (ingest == null) {
            return failure;
        }
        if (failure.kind() == IngestFailure.Kind.DISK_FULL || failure.kind() == IngestFailure.Kind.SPOOL_IO) {
            ingest.abandon();
            return failure;
        }
        try {
            ingest.finish();
            return failure;
        } catch (IngestFailure spoolFailure) {
            return spoolFailure;
        }
    }

    /**
     * Waits before the next attempt. With {@code watch}, the camera is probed meanwhile; if it was seen not
     * answering and then answers, the wait ends early, so a returning camera is picked up within about a
     * probe interval instead of a full backoff.
     */
    private void pause(long delayMs, boolean watch) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs);
        long probeMs = config.probeInterval().toMillis();
        boolean seenDown = false;
        while (running) {
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
            if (remainingMs <= 0) {
                return;
            }
            long stepStart = System.nanoTime();
            if (watch && remainingMs > probeMs) {
                boolean up = probe.answers(config, probeMs);
                if (up && seenDown) {
                    LOG.info("{}: camera answers again; reconnecting now", config.label());
                    return;
                }
                seenDown |= !up;
            }
            long spentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stepStart);
            sleep(Math.min(remainingMs, Math.max(probeMs - spentMs, 0)));
        }
    }

    private void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
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

    private void setState(Phase phase, String detail, long retryInMs) {
        long now = clock.millis();
        CameraState previous = state;
        long since = previous.phase() == phase && Objects.equals(previous.detail(), detail) ? previous.sinceWallMs() : now;
        state = new CameraState(phase, detail, since, retryInMs > 0 ? now + retryInMs : 0);
        if (phase == Phase.RECORDING && previous.phase() != Phase.RECORDING) {
            LOG.info("{}: recording", config.label());
        }
    }
}
