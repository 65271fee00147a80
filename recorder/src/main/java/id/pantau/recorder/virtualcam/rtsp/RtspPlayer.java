package id.pantau.recorder.virtualcam.rtsp;

/** Sends one session's frames into its {@link RtspSession#sink()}; called on the session's event loop. */
public interface RtspPlayer {

    /** Starts (or continues) sending; the first frame goes out promptly. */
    void play();

    /** Stops for good (TEARDOWN or the connection closed). */
    void stop();

    /** RTP timestamp of the next frame to go out, for RTP-Info. */
    long nextTimestamp90k();

    /** The connection can take data again after it could not. */
    default void writable() {
    }
}
