package id.pantau.recorder.ingest;

/**
 * What a camera stream's ingest is doing, for operators: {@code detail} names the last failure in plain words
 * (e.g. "unreachable: connection refused", "spool disk full: /var/spool/pantau"), {@code retryAtWallMs} is
 * when the next attempt is due (0 if none is scheduled).
 */
public record CameraState(Phase phase, String detail, long sinceWallMs, long retryAtWallMs) {

    /** The phases of a camera's ingest. */
    public enum Phase {
        /** First connection attempt since start. */
        CONNECTING,
        /** Frames are being written to the spool. */
        RECORDING,
        /** The camera is out of reach; retrying with backoff. */
        RECONNECTING,
        /** The camera or the spool misbehaves; retrying at a slower pace until it records again. */
        ERROR,
        /** Stopped on request. */
        STOPPED
    }

    public boolean recording() {
        return phase == Phase.RECORDING;
    }

    @Override
    public String toString() {
        return phase + (detail == null ? "" : " (" + detail + ")");
    }
}
