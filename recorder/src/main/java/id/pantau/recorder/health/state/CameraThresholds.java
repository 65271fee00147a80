package id.pantau.recorder.health.state;

/**
 * When a camera counts as dark or degraded.
 *
 * @param stallMs            no packet for longer than this: no video
 * @param minFpsRatio        frame rate below this share of the expected rate is DEGRADED (e.g. 0.8)
 * @param maxReconnects      a stream coming back more often than this within the reconnect window is DEGRADED
 * @param startGraceMs       a stream still on its first connection attempt is not judged before this
 */
public record CameraThresholds(long stallMs, double minFpsRatio, int maxReconnects, long startGraceMs) {

    public static CameraThresholds defaults() {
        return new CameraThresholds(3_000, 0.8, 3, 15_000);
    }
}
