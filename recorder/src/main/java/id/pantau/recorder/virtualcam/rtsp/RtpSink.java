package id.pantau.recorder.virtualcam.rtsp;

import id.pantau.recorder.virtualcam.media.AccessUnit;

/** Where a playback session's RTP packets go: the RTSP connection itself (interleaved) or UDP. */
public interface RtpSink {

    /** False while the client cannot keep up; the session then drops frames until the next keyframe. */
    boolean isWritable();

    /** Queues every packet of {@code frame}; nothing reaches the socket before {@link #flush()}. */
    void send(AccessUnit frame, long timestamp90k);

    void flush();

    /** First sequence number of the next packet, for RTP-Info. */
    int nextSequence();

    int ssrc();

    /** Releases what the sink holds (sockets) when its session ends. */
    default void close() {
    }
}
