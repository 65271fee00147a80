package id.pantau.recorder.ingest;

/** An open connection to one camera stream, yielding video packets in arrival order. */
public interface PacketSource extends AutoCloseable {

    StreamInfo info();

    /** Blocks for the next video packet; throws when the stream ends, stalls or fails. */
    MediaPacket read() throws IngestFailure;

    /** RTP packets lost in transit so far on this connection (0 where the source cannot tell). */
    default long lostPackets() {
        return 0;
    }

    /** Makes a blocked {@link #read()} return promptly; callable from any thread. */
    void abort();

    @Override
    void close();
}
