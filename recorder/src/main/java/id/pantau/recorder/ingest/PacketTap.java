package id.pantau.recorder.ingest;

/**
 * Sees the access units a camera recorder reads, for consumers beside the segment writer (live view). Called on the
 * recorder's thread: an implementation must return at once and never throw.
 */
public interface PacketTap {

    /** A tap that ignores everything. */
    PacketTap NONE = new PacketTap() {
        @Override
        public void connected(StreamInfo info) {
        }

        @Override
        public void accessUnit(MediaPacket accessUnit) {
        }

        @Override
        public void disconnected(String reason) {
        }
    };

    /** A connection opened; access units of this stream follow. */
    void connected(StreamInfo info);

    /** One complete access unit (all slices of a picture), as the recorder writes it. */
    void accessUnit(MediaPacket accessUnit);

    /** The connection ended ({@code reason} fit for an operator); the recorder retries unless it was stopped. */
    void disconnected(String reason);

    /** Someone needs each access unit as soon as it arrives (a live viewer): reads are not coalesced then. */
    default boolean watched() {
        return false;
    }

    /**
     * The recorder's way to hand over at once what its source holds back; a tap that becomes {@link #watched()}
     * runs it, so a new viewer does not wait for the recorder's next take (up to a second).
     */
    default void wakeWith(Runnable handOverNow) {
    }

    /** The recorder stopped for good (camera removed, disabled or changed). */
    default void stopped() {
    }
}
