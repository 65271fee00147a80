package id.pantau.web.health;

import id.pantau.recorder.health.HealthMonitor;
import id.pantau.recorder.health.HealthSnapshot;
import id.pantau.recorder.health.state.CameraHealthState;
import id.pantau.recorder.health.state.LinkHealthState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Prometheus gauges per camera and per link, from each snapshot: the state as one series per state (1 for the
 * current one, 0 for the others, the usual way to export an enum), stream figures, link latency, loss and
 * bandwidth. Cameras and links that go away drop out of the export.
 */
@Component
class HealthMetrics {
  private final MultiGauge cameraState;
  private final MultiGauge cameraFps;
  private final MultiGauge cameraBitrate;
  private final MultiGauge linkState;
  private final MultiGauge linkLatency;
  private final MultiGauge linkLoss;
  private final MultiGauge linkBandwidth;
  private final MultiGauge linkUtilisation;

  HealthMetrics(MeterRegistry registry, HealthMonitor monitor) {
    cameraState = gauge(registry, "pantau.camera.health.state", "1 for the camera's current health state");
    cameraFps = gauge(registry, "pantau.camera.fps", "frames per second received from the camera");
    cameraBitrate = gauge(registry, "pantau.camera.bitrate.bps", "bits per second received from the camera");
    linkState = gauge(registry, "pantau.link.health.state", "1 for the link's current health state");
    linkLatency = gauge(registry, "pantau.link.probe.latency.seconds", "median latency of the recent probes");
    linkLoss = gauge(registry, "pantau.link.probe.loss.ratio", "share of the recent probes that failed");
    linkBandwidth = gauge(registry, "pantau.link.bandwidth.used.bps", "video bits per second over the link");
    linkUtilisation = gauge(registry, "pantau.link.bandwidth.utilisation.ratio", "used over capacity");
    monitor.addListener(this::update);
  }

  private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
    return MultiGauge.builder(name).description(description).register(registry);
  }

  void update(HealthSnapshot s) {
    List<MultiGauge.Row<?>> camState = new ArrayList<>();
    List<MultiGauge.Row<?>> fps = new ArrayList<>();
    List<MultiGauge.Row<?>> bitrate = new ArrayList<>();
    for (HealthSnapshot.CameraStatus c : s.cameras()) {
      Tags tags = Tags.of("camera", c.id(), "link", c.linkId() == null ? "" : c.linkId());
      for (CameraHealthState st : CameraHealthState.values()) {
        camState.add(MultiGauge.Row.of(tags.and("state", st.name()), st == c.state() ? 1 : 0));
      }
      if (c.recordedHere()) {
        fps.add(MultiGauge.Row.of(tags, c.fps()));
        bitrate.add(MultiGauge.Row.of(tags, c.bitrateBps()));
      }
    }
    List<MultiGauge.Row<?>> lState = new ArrayList<>();
    List<MultiGauge.Row<?>> latency = new ArrayList<>();
    List<MultiGauge.Row<?>> loss = new ArrayList<>();
    List<MultiGauge.Row<?>> used = new ArrayList<>();
    List<MultiGauge.Row<?>> utilisation = new ArrayList<>();
    for (HealthSnapshot.LinkStatus l : s.links()) {
      Tags tags = Tags.of("link", l.id(), "vendor", l.vendor() == null ? "" : l.vendor());
      for (LinkHealthState st : LinkHealthState.values()) {
        lState.add(MultiGauge.Row.of(tags.and("state", st.name()), st == l.state() ? 1 : 0));
      }
      if (!l.inferred()) {
        latency.add(MultiGauge.Row.of(tags, l.latencyMs() / 1000.0));
        loss.add(MultiGauge.Row.of(tags, l.lossRatio()));
      }
      used.add(MultiGauge.Row.of(tags, l.bandwidth().usedBps()));
      if (l.bandwidth().ratio() != null) {
        utilisation.add(MultiGauge.Row.of(tags, l.bandwidth().ratio()));
      }
    }
    cameraState.register(camState, true);
    cameraFps.register(fps, true);
    cameraBitrate.register(bitrate, true);
    linkState.register(lState, true);
    linkLatency.register(latency, true);
    linkLoss.register(loss, true);
    linkBandwidth.register(used, true);
    linkUtilisation.register(utilisation, true);
  }
}
