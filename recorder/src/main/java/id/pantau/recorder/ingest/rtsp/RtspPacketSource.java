package id.pantau.recorder.ingest.rtsp;

import id.pantau.recorder.ingest.IngestFailure;
import id.pantau.recorder.ingest.IngestFailure.Kind;
import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.ingest.PacketSource;
import id.pantau.recorder.ingest.ParameterSets;
import id.pantau.recorder.ingest.StreamInfo;
import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.segment.VideoFormat;
import io.netty.channel.Channel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Hands access units from the event loop to the camera's ingest thread through a bounded queue. When the ingest
 * thread falls behind (a slow disk, a starved machine) and the queue passes {@link #QUEUE_BYTES}, the connection
 * stops reading: TCP flow control holds the rest in the kernel and at the camera, nothing is dropped, and reading
 * resumes once the thread has taken half of it. Units already read when reading stopped are still queued, up to
 * {@link #HARD_QUEUE_BYTES}; beyond that (RTP over UDP cannot be paused) new units are dropped and the stream
 * resumes at the next keyframe, so a slow camera never holds up the event loop the other cameras share, and the
 * heap stays bounded.
 *
 * <p>The stream counts as open once the camera answered PLAY and its parameter sets are known, from the SDP or,
 * if it sent none there, from the first keyframe that carries them in band.
 */
final class RtspPacketSource implements PacketSource, RtspSessionListener {

    static final int QUEUE_UNITS = 256;
    /** About 4 s at 2 Mbit/s: reading pauses above it. */
    static final long QUEUE_BYTES = 1024 * 1024;
    /** Units above it are dropped. */
    static final long HARD_QUEUE_BYTES = 2 * QUEUE_BYTES;
    /** A coalescing reader is woken once this much has queued, long before reading would pause. */
    static final long WAKE_BYTES = QUEUE_BYTES / 4;
    private static final Object END = new Object();

    private final long stallMs;
    private final ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_UNITS);
    private final CompletableFuture<StreamInfo> opened = new CompletableFuture<>();
    private volatile IngestFailure failure;
    private volatile long newestDts90k = Long.MIN_VALUE;
    /** When the event loop last handed a unit over: a stall counts from there, not from when the reader woke. */
    private volatile long newestArrivalNanos = System.nanoTime();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean readingPaused = new AtomicBoolean();
    private final AtomicLong pauses = new AtomicLong();
    private volatile Channel channel;
    private volatile RtspClientHandler handler;
    private SdpVideoTrack track;
    private volatile BooleanSupplier coalesce = () -> false;
    private volatile LongSupplier lateMs = () -> COALESCE_MS;
    /** The reader while it sleeps through arrivals, so that a failure or a full queue can wake it. */
    private volatile Thread sleeper;

    RtspPacketSource(long stallMs) {
        this.stallMs = stallMs;
    }

    void attach(Channel channel, RtspClientHandler handler) {
        this.channel = channel;
        this.handler = handler;
    }

    /** Waits until the stream is open; a failure of the session is rethrown. */
    StreamInfo awaitOpen(long timeoutMs, long openMs) throws IngestFailure {
        try {
            return opened.get(Math.max(timeoutMs, 1), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            failed(RtspFailures.noAnswer(openMs));
            throw failure;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IngestFailure f ? f
                    : new IngestFailure(Kind.INTERNAL, "internal error: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(new IngestFailure(Kind.ENDED, "stopped"));
            throw failure;
        }
    }

    @Override
    public void playing(SdpVideoTrack track) {
        this.track = track;
        newestArrivalNanos = System.nanoTime();
        if (ParameterSets.isComplete(track.codec(), track.parameterSets())) {
            opened.complete(info(track, track.parameterSets()));
        }
    }

    @Override
    public boolean accessUnit(MediaPacket accessUnit) {
        newestArrivalNanos = System.nanoTime();
        if (!opened.isDone()) {
            if (track == null || !accessUnit.keyframe()) {
                return true; // nothing before the first keyframe can be recorded anyway
            }
            byte[] inBand = ParameterSets.extract(track.codec(), accessUnit.data());
            if (!ParameterSets.isComplete(track.codec(), inBand)) {
                return true;
            }
            opened.complete(info(track, inBand));
        }
        int bytes = accessUnit.data().length;
        long queued = queuedBytes.get();
        // only this event loop adds, so the check holds until the offer; an empty queue takes any unit
        if ((queued > 0 && queued + bytes > HARD_QUEUE_BYTES) || !queue.offer(accessUnit)) {
            return false;
        }
        queuedBytes.addAndGet(bytes);
        newestDts90k = accessUnit.dts90k();
        if (queued + bytes >= WAKE_BYTES) {
            wakeSleeper();
        }
        if (queued + bytes > QUEUE_BYTES || queue.size() > QUEUE_UNITS / 2) {
            pauseReading();
        }
        return true;
    }

    private void pauseReading() {
        Channel c = channel;
        if (c != null && readingPaused.compareAndSet(false, true)) {
            pauses.incrementAndGet();
            c.config().setAutoRead(false);
        }
    }

    private void resumeReadingIfDrained() {
        if (readingPaused.get() && queuedBytes.get() <= QUEUE_BYTES / 2 && queue.size() <= QUEUE_UNITS / 4
                && readingPaused.compareAndSet(true, false)) {
            Channel c = channel;
            if (c != null) {
                c.config().setAutoRead(true);
            }
        }
    }

    /** How often reading was paused because the ingest thread fell behind. */
    long readPauses() {
        return pauses.get();
    }

    @Override
    public long newestArrivedDts90k() {
        return newestDts90k;
    }

    @Override
    public void failed(IngestFailure f) {
        if (failure == null) {
            failure = f;
        }
        opened.completeExceptionally(failure);
        queue.offer(END);
        wakeSleeper();
    }

    @Override
    public void handOverNow() {
        wakeSleeper();
    }

    private void wakeSleeper() {
        Thread t = sleeper;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private static StreamInfo info(SdpVideoTrack track, byte[] parameterSets) {
        VideoCodec codec = track.codec();
        byte[] sps = ParameterSets.sequenceParameterSet(codec, parameterSets);
        int[] size = sps == null ? new int[] {0, 0} : SequenceParameterSet.pictureSize(codec, sps);
        return new StreamInfo(new VideoFormat(codec, size[0], size[1], parameterSets), track.frameRate());
    }

    @Override
    public StreamInfo info() {
        return opened.getNow(null);
    }

    @Override
    public void coalesceReads(BooleanSupplier allowed, LongSupplier lateMs) {
        this.coalesce = allowed;
        this.lateMs = lateMs;
    }

    /** The kernel may batch what this thread would coalesce anyway. */
    @Override
    public boolean batchingAllowed() {
        return coalesce.getAsBoolean();
    }

    @Override
    public MediaPacket read() throws IngestFailure {
        Object next = queue.poll();
        if (next == null) {
            next = await();
        }
        if (next == END) {
            queue.offer(END);
            throw failure;
        }
        return taken((MediaPacket) next);
    }

    @Override
    public MediaPacket poll() {
        Object next = queue.poll();
        if (next == END) {
            queue.offer(END);
        }
        return next == null || next == END ? null : taken((MediaPacket) next);
    }

    private MediaPacket taken(MediaPacket unit) {
        queuedBytes.addAndGet(-unit.data().length);
        resumeReadingIfDrained();
        return unit;
    }

    /** The next unit or END; waits until nothing has arrived for the stall time. */
    private Object await() throws IngestFailure {
        long stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMs);
        try {
            while (true) {
                if (failure != null) {
                    throw failure;
                }
                long leftNanos = newestArrivalNanos + stallNanos - System.nanoTime();
                if (leftNanos <= 0) {
                    throw new IngestFailure(Kind.STALLED, "stalled: no video for " + stallMs + " ms");
                }
                if (!coalesce.getAsBoolean()) {
                    Object next = queue.poll(leftNanos, TimeUnit.NANOSECONDS);
                    if (next != null) {
                        return next;
                    }
                    continue;
                }
                // a parked thread is not woken by each arrival, as one waiting on the queue is
                long sleepMs = Math.min(COALESCE_MAX_MS, Math.max(COALESCE_MS, lateMs.getAsLong()));
                sleeper = Thread.currentThread();
                if (queuedBytes.get() < WAKE_BYTES && failure == null) {
                    LockSupport.parkNanos(this, Math.min(TimeUnit.MILLISECONDS.toNanos(sleepMs), leftNanos));
                }
                sleeper = null;
                if (Thread.currentThread().isInterrupted()) {
                    throw new IngestFailure(Kind.ENDED, "stopped"); // the flag stays set, as parking leaves it
                }
                Object next = queue.poll();
                if (next != null) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestFailure(Kind.ENDED, "stopped");
        }
    }

    @Override
    public long lostPackets() {
        RtspClientHandler h = handler;
        return h == null ? 0 : h.lostPackets();
    }

    @Override
    public void abort() {
        failed(new IngestFailure(Kind.ENDED, "stopped"));
        close();
    }

    @Override
    public void close() {
        Channel c = channel;
        RtspClientHandler h = handler;
        if (c != null && h != null) {
            h.teardown(c);
        } else if (c != null) {
            c.close();
        }
    }
}
