package id.pantau.web.health;

import id.pantau.recorder.health.HealthSettings;
import id.pantau.recorder.health.alert.AlertPolicy;
import id.pantau.recorder.health.state.CameraThresholds;
import id.pantau.recorder.health.state.LinkThresholds;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Every {@code vms.health.*} setting with its default; the README's health section mirrors this. */
@ConfigurationProperties(prefix = "vms.health")
public record HealthProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("true") boolean linkProbesEnabled,
    @DefaultValue("true") boolean cameraProbesEnabled,
    @DefaultValue("1s") Duration evaluateInterval,
    @DefaultValue("2s") Duration linkProbeInterval,
    @DefaultValue("1s") Duration probeTimeout,
    @DefaultValue("10") int probeWindow,
    @DefaultValue("10s") Duration cameraProbeInterval,
    @DefaultValue("4") int probeThreads,
    String snmpCommunity,
    @DefaultValue("99.5") double slaTargetPercent,
    @DefaultValue Thresholds thresholds,
    @DefaultValue Alerts alerts,
    @DefaultValue Webhook webhook,
    @DefaultValue Mqtt mqtt) {

  /** What counts as down, degraded or back, and for how long it must last. */
  public record Thresholds(
      @DefaultValue("2") int downAfterFailures,
      @DefaultValue("2") int upAfterSuccesses,
      @DefaultValue("0.2") double degradedLossRatio,
      @DefaultValue("250ms") Duration degradedLatency,
      @DefaultValue("3s") Duration stall,
      @DefaultValue("0.8") double minFpsRatio,
      @DefaultValue("3") int maxReconnects,
      @DefaultValue("5m") Duration reconnectWindow,
      @DefaultValue("15s") Duration startGrace,
      @DefaultValue("5s") Duration cameraFaultHold,
      @DefaultValue("10s") Duration degradedHold,
      @DefaultValue("2s") Duration recoveryHold,
      @DefaultValue("15s") Duration reconnectGrace,
      @DefaultValue("25") double expectedFps,
      @DefaultValue("0") int minBitrateKbps,
      @DefaultValue("0.8") double bandwidthWarnRatio,
      @DefaultValue("2") int inferenceMinCameras) {}

  /** Flap hold and storm limit. */
  public record Alerts(@DefaultValue("5m") Duration reraiseHold, @DefaultValue("30") int maxRaisedPerMinute) {}

  /** A webhook receiving alerts as signed JSON; off without a URL. */
  public record Webhook(String url, String secret, @DefaultValue("5s") Duration timeout) {
    public boolean configured() {
      return url != null && !url.isBlank();
    }
  }

  /** An MQTT broker receiving alerts; off without a URI. */
  public record Mqtt(String uri, @DefaultValue("pantau") String clientId,
      @DefaultValue("pantau/health") String topicPrefix, String username, String password,
      @DefaultValue("5s") Duration timeout) {
    public boolean configured() {
      return uri != null && !uri.isBlank();
    }
  }

  HealthSettings toSettings() {
    Thresholds t = thresholds;
    return new HealthSettings(evaluateInterval, linkProbeInterval, probeTimeout, probeWindow, cameraProbeInterval,
        Duration.ofSeconds(30),
        new LinkThresholds(t.downAfterFailures(), t.upAfterSuccesses(), t.degradedLossRatio(),
            t.degradedLatency().toMillis()),
        new CameraThresholds(t.stall().toMillis(), t.minFpsRatio(), t.maxReconnects(), t.startGrace().toMillis()),
        t.cameraFaultHold(), t.degradedHold(), t.recoveryHold(), t.reconnectGrace(), t.inferenceMinCameras(),
        t.expectedFps(), t.minBitrateKbps() * 1000L, t.reconnectWindow(), t.bandwidthWarnRatio(),
        new AlertPolicy.Settings(alerts.reraiseHold().toMillis(), alerts.maxRaisedPerMinute()));
  }
}
