package id.pantau.web.motion;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts notifications to the configured webhook, asynchronously, signed: {@code X-Pantau-Timestamp} (epoch
 * seconds) and {@code X-Pantau-Signature: sha256=<hex HMAC-SHA256 of timestamp + "." + body>}, so the receiver can
 * check origin and freshness. Failures are logged, not retried: a late alarm is worth little.
 */
final class WebhookSender {
  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
  static final String SIGNATURE_HEADER = "X-Pantau-Signature";
  static final String TIMESTAMP_HEADER = "X-Pantau-Timestamp";

  private final MotionProperties.Webhook webhook;
  private final HttpClient client;
  private final Clock clock;

  WebhookSender(MotionProperties.Webhook webhook, Clock clock) {
    this.webhook = webhook;
    this.clock = clock;
    this.client = HttpClient.newBuilder().connectTimeout(webhook.timeout()).build();
  }

  void send(String json) {
    String timestamp = Long.toString(clock.millis() / 1000);
    HttpRequest request = HttpRequest.newBuilder(webhook.url()).timeout(webhook.timeout())
        .header("Content-Type", "application/json")
        .header(TIMESTAMP_HEADER, timestamp)
        .header(SIGNATURE_HEADER, "sha256=" + sign(webhook.secret(), timestamp + "." + json))
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
      if (failure != null) {
        log.warn("motion webhook not delivered: {}", failure.toString());
      } else if (response.statusCode() >= 300) {
        log.warn("motion webhook answered {}", response.statusCode());
      }
    });
  }

  /** Hex HMAC-SHA256 of {@code text} under {@code secret} (empty secret: an empty key of one zero byte). */
  static String sign(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      byte[] key = secret == null || secret.isEmpty() ? new byte[1] : secret.getBytes(StandardCharsets.UTF_8);
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
