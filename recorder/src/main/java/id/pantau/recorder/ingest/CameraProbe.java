package id.pantau.recorder.ingest;

/** A cheap check whether a camera answers at all, used to cut a reconnect backoff short when it returns. */
public interface CameraProbe {

    boolean answers(CameraConfig camera, long timeoutMs);

    /** A probe that never answers: plain backoff. */
    CameraProbe NONE = (camera, timeoutMs) -> false;
}
