package id.pantau.recorder.ingest;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** An open connection to one camera stream, yielding video packets in arrival order. */
public interface PacketSource extends AutoCloseable {

    /** How late a coalescing source hands units over at least: five wake-ups a second instead of one per frame. */
    long COALESCE_MS = 200;
    /** How late at most: a fragment's length, so a frame is durable about as soon as when read at once. */
    long COALESCE_MAX_MS = 1_000;

    StreamInfo info();

    /** Blocks for the next video packet; throws when the stream ends, stalls or fails. */
    MediaPacket read() throws IngestFailure;

    /**
     * A packet that has already arrived and waits to be read, else null; never blocks. A recorder that stops
     * takes these too, so what a coalescing source held back is not lost with the connection.
     */
    default MediaPacket poll() {
        return null;
    }

    /**
     * DTS of the newest packet that has arrived from the camera, read or still queued; {@link Long#MIN_VALUE}
     * where the source reads nothing ahead. A run's wall clock is anchored by it at arrival, not when a
     * possibly late reader gets to its first keyframe.
     */
    default long newestArrivedDts90k() {
        return Long.MIN_VALUE;
    }

    /** RTP packets lost in transit so far on this connection (0 where the source cannot tell). */
    default long lostPackets() {
        return 0;
    }

    /**
     * While {@code allowed} says so, {@link #read()} may hand over the units that arrived in the meantime late, in
     * one go, instead of waking its thread for each: a recorder writes whole fragments anyway, and 64 cameras at
     * 25 fps are 1,600 thread wake-ups a second. {@code lateMs}, asked on the reading thread only, says how late:
     * the time until the reader's open fragment is full. Sources keep it between {@link #COALESCE_MS} and
     * {@link #COALESCE_MAX_MS} and hand over at once when much has queued or the stream failed. Sources that read
     * on the caller's thread ignore it.
     */
    default void coalesceReads(BooleanSupplier allowed, LongSupplier lateMs) {
    }

    /** Makes a coalescing {@link #read()} take what has arrived now instead of later; callable from any thread. */
    default void handOverNow() {
    }

    /** Makes a blocked {@link #read()} return promptly; callable from any thread. */
    void abort();

    @Override
    void close();
}
