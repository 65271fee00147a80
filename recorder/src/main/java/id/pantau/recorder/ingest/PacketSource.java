package id.pantau.recorder.ingest;

import java.util.function.BooleanSupplier;

/** An open connection to one camera stream, yielding video packets in arrival order. */
public interface PacketSource extends AutoCloseable {

    StreamInfo info();

    /** Blocks for the next video packet; throws when the stream ends, stalls or fails. */
    MediaPacket read() throws IngestFailure;

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
     * While {@code allowed} says so, {@link #read()} may hand over the units that arrived in the meantime a
     * fraction of a second late, in one go, instead of waking its thread for each: a recorder writes whole
     * fragments anyway, and 64 cameras at 25 fps are 1,600 thread wake-ups a second. Sources that read on the
     * caller's thread ignore it.
     */
    default void coalesceReads(BooleanSupplier allowed) {
    }

    /** Makes a blocked {@link #read()} return promptly; callable from any thread. */
    void abort();

    @Override
    void close();
}
