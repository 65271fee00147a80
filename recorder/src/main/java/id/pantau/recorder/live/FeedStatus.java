package id.pantau.recorder.live;

/**
 * What a feed is doing, for viewers: {@code detail} names the last failure in plain words (e.g. "unreachable:
 * connection refused"), null when there is none.
 */
public record FeedStatus(State state, String detail, long sinceWallMs) {

    /** The states of a feed. */
    public enum State {
        /** Waiting for the camera's first keyframe. */
        CONNECTING,
        /** Frames are flowing. */
        LIVE,
        /** The camera is out of reach or failed; retrying. */
        RECONNECTING,
        /** Nobody feeds it (no recorder, no viewer). */
        IDLE,
        /** There is nothing to show: the camera has no such stream. */
        UNAVAILABLE
    }

    @Override
    public String toString() {
        return state + (detail == null ? "" : " (" + detail + ")");
    }
}
