package id.pantau.recorder.virtualcam.rtsp;

/**
 * What an RTSP server serves at one path, as the request handler sees it: a virtual camera's clip, or a live feed
 * restreamed. Resolved per connection by {@link RtspMounts}; called on the connection's event loop only.
 */
public interface RtspMount {

    /** Mount path without slashes at either end, e.g. "cam1/main". */
    String path();

    /** Returns normally when the request's credentials may use this mount, else throws {@link RtspException} 401. */
    void authorize(String method, String authorization, String nonce);

    /** While true, requests are answered 503 Service Unavailable. */
    default boolean refusing() {
        return false;
    }

    /** The single video track DESCRIBE announces. */
    MediaDescription description();

    /** The media source of a session SETUP created; it sends nothing before {@link RtspPlayer#play()}. */
    RtspPlayer player(RtspSession session);

    /** The connection that resolved this mount closed. */
    default void release() {
    }
}
