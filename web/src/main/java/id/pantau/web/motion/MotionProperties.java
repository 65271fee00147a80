package id.pantau.web.motion;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Motion detection settings of this node ({@code vms.motion.*}); per-camera settings live in the index. */
@ConfigurationProperties(prefix = "vms.motion")
public record MotionProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("5") double analysisFps,
    @DefaultValue("320") int width,
    @DefaultValue("640") int snapshotWidth,
    @DefaultValue("400ms") Duration minDuration,
    @DefaultValue("3s") Duration cooldown,
    @DefaultValue("3s") Duration preRoll,
    @DefaultValue("5s") Duration postRoll,
    @DefaultValue Webhook webhook,
    @DefaultValue("30s") Duration rateLimit) {

  /**
   * Where event notifications are posted (JSON), signed with HMAC-SHA256 of {@code timestamp + "." + body} under
   * {@code secret} in the {@code X-Pantau-Signature} header. Off while {@code url} is empty.
   */
  public record Webhook(URI url, String secret, @DefaultValue("5s") Duration timeout) {

    public boolean configured() {
      return url != null && !url.toString().isBlank();
    }
  }
}
