package id.pantau.recorder.health;

import id.pantau.recorder.health.state.CameraHealthState;
import id.pantau.recorder.health.state.LinkHealthState;
import java.util.List;

/** Every link's and camera's state at one moment, as the dashboard, the API and the metrics show it. */
public record HealthSnapshot(long atWallMs, List<LinkStatus> links, List<CameraStatus> cameras) {

    /**
     * A link now. {@code state} is null until first judged; {@code inferred} when judged by its cameras for want
     * of a probe target; {@code latencyMs} is the median of the recent probes, {@code lossRatio} their failed share.
     */
    public record LinkStatus(String id, String name, String kind, String vendor, Integer capacityMbps,
                             String probeTarget, LinkHealthState state, String reason, long sinceWallMs,
                             boolean inferred, long latencyMs, double lossRatio, Bandwidth bandwidth,
                             List<String> cameraIds) {
    }

    /** A camera now. {@code state} is null until first judged; stream figures are zero when not recorded here. */
    public record CameraStatus(String id, String name, String siteId, String linkId, boolean enabled,
                               CameraHealthState state, String reason, long sinceWallMs, boolean recordedHere,
                               double fps, double expectedFps, long bitrateBps, long lastPacketAgeMs) {
    }

    public static final HealthSnapshot EMPTY = new HealthSnapshot(0, List.of(), List.of());
}
