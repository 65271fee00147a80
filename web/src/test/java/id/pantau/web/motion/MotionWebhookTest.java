package id.pantau.web.motion;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import id.pantau.recorder.motion.MotionFeed;
import id.pantau.storage.motion.MotionEvent;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The webhook against a real HTTP receiver: signed JSON, and at most one alarm per camera per interval. */
class MotionWebhookTest {
  static final String SECRET = "kunci-rahasia-webhook";
  static final long RATE_MS = 30_000;

  record Delivery(String body, String timestamp, String signature) {}

  HttpServer receiver;
  final LinkedBlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
  final AtomicLong nowMs = new AtomicLong(Instant.parse("2026-11-20T08:00:00Z").toEpochMilli());
  final JsonMapper json = JsonMapper.builder().build();
  MotionNotifier notifier;

  @BeforeEach
  void receiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      deliveries.add(new Delivery(body, exchange.getRequestHeaders().getFirst(WebhookSender.TIMESTAMP_HEADER),
          exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE_HEADER)));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    Clock clock = Clock.fixed(Instant.ofEpochMilli(nowMs.get()), ZoneOffset.UTC);
    WebhookSender sender = new WebhookSender(new MotionProperties.Webhook(url, SECRET, Duration.ofSeconds(5)), clock);
    notifier = new MotionNotifier(new NotificationRateLimiter(RATE_MS, nowMs::get), new MotionEventStream(null),
        sender, json);
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  static MotionEvent event(long id, String camera, long startMs, Long endMs) {
    return new MotionEvent(id, camera, startMs, endMs, 3000, 5000, 0.12, List.of(), null);
  }

  Delivery next() throws InterruptedException {
    Delivery d = deliveries.poll(5, TimeUnit.SECONDS);
    assertThat(d).as("a webhook delivery").isNotNull();
    return d;
  }

  @Test
  void bodyIsJsonSignedWithHmacSha256OfTimestampAndBody() throws Exception {
    long start = nowMs.get();
    notifier.published(MotionFeed.Change.STARTED, event(7, "cam-gate", start, null));
    Delivery d = next();
    JsonNode body = json.readTree(d.body());
    assertThat(body.get("type").asString()).isEqualTo("motion.started");
    assertThat(body.get("cameraId").asString()).isEqualTo("cam-gate");
    assertThat(body.get("eventId").asLong()).isEqualTo(7);
    assertThat(body.get("start").asString()).isEqualTo("2026-11-20T08:00:00Z");
    assertThat(d.timestamp()).isEqualTo(Long.toString(start / 1000));

    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal((d.timestamp() + "." + d.body())
        .getBytes(StandardCharsets.UTF_8)));
    assertThat(d.signature()).isEqualTo("sha256=" + expected);

    notifier.published(MotionFeed.Change.ENDED, event(7, "cam-gate", start, start + 4000));
    JsonNode ended = json.readTree(next().body());
    assertThat(ended.get("type").asString()).isEqualTo("motion.ended");
    assertThat(ended.get("end").asString()).isEqualTo("2026-11-20T08:00:04Z");
  }

  @Test
  void aBusyCameraIsRateLimitedAndTheHeldBackCountTravelsWithTheNextAlarm() throws Exception {
    long t = nowMs.get();
    notifier.published(MotionFeed.Change.STARTED, event(1, "cam-busy", t, null));
    assertThat(json.readTree(next().body()).get("eventId").asLong()).isEqualTo(1);
    for (long id = 2; id <= 4; id++) {
      nowMs.addAndGet(5_000);
      notifier.published(MotionFeed.Change.STARTED, event(id, "cam-busy", nowMs.get(), null));
      // the end of an event whose start was held back is held back too
      notifier.published(MotionFeed.Change.ENDED, event(id, "cam-busy", nowMs.get(), nowMs.get() + 1000));
    }
    // another camera is not held back by the busy one
    notifier.published(MotionFeed.Change.STARTED, event(9, "cam-quiet", nowMs.get(), null));
    JsonNode quiet = json.readTree(next().body());
    assertThat(quiet.get("cameraId").asString()).isEqualTo("cam-quiet");
    assertThat(deliveries.poll(500, TimeUnit.MILLISECONDS)).as("nothing else from the busy camera").isNull();

    nowMs.addAndGet(RATE_MS);
    notifier.published(MotionFeed.Change.STARTED, event(5, "cam-busy", nowMs.get(), null));
    JsonNode after = json.readTree(next().body());
    assertThat(after.get("eventId").asLong()).isEqualTo(5);
    assertThat(after.get("suppressedBefore").asInt()).isEqualTo(3);
  }
}
