package id.pantau.recorder.ingest.rtsp;

import id.pantau.recorder.ingest.IngestFailure;
import id.pantau.recorder.ingest.MediaPacket;

/** What an RTSP client session reports, on its event loop. */
interface RtspSessionListener {

    /** The camera answered PLAY; access units of this track follow. */
    void playing(SdpVideoTrack track);

    /** A complete access unit; false if it cannot be taken now (it is dropped). */
    boolean accessUnit(MediaPacket accessUnit);

    /**
     * Whether the kernel may hold this stream's data back for a fraction of a second ({@link ReceiveBatching}):
     * asked on the event loop every tick, so it must be cheap and thread-safe.
     */
    default boolean batchingAllowed() {
        return false;
    }

    /** The session failed or the connection ended; called at most once that matters (later calls are ignored). */
    void failed(IngestFailure failure);
}
