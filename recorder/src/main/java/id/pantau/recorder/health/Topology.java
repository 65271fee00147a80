package id.pantau.recorder.health;

import java.util.List;

/** The network under the cameras, as the monitor needs it: links and the cameras behind them. */
public record Topology(List<LinkSpec> links, List<CameraSpec> cameras) {

    /** A link; {@code probeTarget} is null when it has none (its state is then inferred from its cameras). */
    public record LinkSpec(String id, String name, String kind, String vendor, Integer capacityMbps,
                           String probeTarget) {
    }

    /**
     * A camera; {@code url} is probed (without credentials) when this node does not record it. An expected
     * frame rate or minimum bitrate of 0 means the configured default.
     */
    public record CameraSpec(String id, String name, String siteId, String linkId, String url, boolean enabled,
                             double expectedFps, long minBitrateBps) {
    }

    public static final Topology EMPTY = new Topology(List.of(), List.of());
}
