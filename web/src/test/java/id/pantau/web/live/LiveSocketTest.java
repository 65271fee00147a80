package id.pantau.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pantau.recorder.live.FeedKey;
import id.pantau.web.HttpSession;
import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditFilter;
import id.pantau.web.audit.AuditRecord;
import id.pantau.web.user.User;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The live socket and the RTSP restream against recorded virtual cameras, as the permitted and a refused user. */
class LiveSocketTest extends LiveWebTest {
  static final String SESSION_COOKIE = "PANTAU_SESSION";

  @Test
  void permittedOperatorGetsInitThenFragmentsWithinASecondAndTheSessionIsAudited() throws Exception {
    User op = operator("live-a");
    HttpSession session = signedIn(op);
    // the recorder records the main stream: its feed has a GOP cached before anyone watches
    waitUntil(Duration.ofSeconds(30), () -> hub.latestKeyframe(FeedKey.main("live-a")).isPresent());

    // a first viewer warms up what the JVM loads once (socket classes, muxer); the measured one is the next
    try (LiveSocketClient warmUp = new LiveSocketClient(wsUrl("live-a", "main"), SESSION_COOKIE + "="
        + session.cookie(SESSION_COOKIE))) {
      while (warmUp.next(5000).text() != null) {
        // until the init segment
      }
      warmUp.next(5000);
    }

    List<String> texts = new ArrayList<>();
    byte[] init = null;
    int fragments = 0;
    long firstFragmentMs = -1;
    long handshakeMs;
    long firstTextMs = -1;
    try (LiveSocketClient client = new LiveSocketClient(wsUrl("live-a", "main"), SESSION_COOKIE + "="
        + session.cookie(SESSION_COOKIE))) {
      handshakeMs = TimeUnit.NANOSECONDS.toMillis(client.connectedNanos - client.openedNanos);
      while (fragments < 30) {
        LiveSocketClient.Message m = client.next(5000);
        if (m.text() != null) {
          firstTextMs = texts.isEmpty() ? TimeUnit.NANOSECONDS.toMillis(m.arrivedNanos() - client.connectedNanos)
              : firstTextMs;
          texts.add(m.text());
        } else if (init == null) {
          init = m.binary();
        } else {
          if (fragments++ == 0) {
            // a message may be queued before the client reports the upgrade done
            firstFragmentMs = Math.max(0, TimeUnit.NANOSECONDS.toMillis(m.arrivedNanos() - client.connectedNanos));
          }
          assertThat(box(m.binary(), 0)).isEqualTo("moof");
        }
      }
    }
    assertThat(texts).anySatisfy(t -> assertThat(t).contains("\"type\":\"init\"").contains("avc1.")
        .contains("\"width\":1280").contains("\"height\":720"));
    assertThat(box(init, 0)).isEqualTo("ftyp");
    // the GOP cache starts a new viewer at the latest keyframe: no wait for the camera's next one (2 s GOP). From
    // the completed upgrade: the upgrade itself is the servlet container's and its security chain's work.
    assertThat(firstFragmentMs).as("first fragment %d ms (first text %d ms) after an upgrade of %d ms",
        firstFragmentMs, firstTextMs, handshakeMs)
        .isBetween(0L, 1000L);

    waitUntil(Duration.ofSeconds(10), () -> audits(op, AuditAction.LIVE_STOP).size() == 2);
    assertThat(audits(op, AuditAction.LIVE_START)).hasSize(2).allSatisfy(r -> {
      assertThat(r.cameraId()).isEqualTo("live-a");
      assertThat(r.details()).contains("stream=main").contains("via=websocket");
    });
    assertThat(audits(op, AuditAction.LIVE_STOP).get(0).details()).contains("duration_ms=").contains("frames=");
  }

  @Test
  void socketRefusesCamerasTheUserMayNotWatchBeforeTheUpgrade() throws Exception {
    User op = operator("live-a");
    String cookie = SESSION_COOKIE + "=" + signedIn(op).cookie(SESSION_COOKIE);
    for (String camera : List.of("live-b", "no-such-camera")) {
      assertThatThrownBy(() -> new LiveSocketClient(wsUrl(camera, "sub"), cookie))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(WebSocketHandshakeException.class)
          .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(404));
    }
    assertThatThrownBy(() -> new LiveSocketClient(wsUrl("live-a", "sub"), null))
        .cause().isInstanceOf(WebSocketHandshakeException.class)
        .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isNotEqualTo(101));
    assertThat(audits(op, AuditAction.LIVE_START)).isEmpty();
  }

  @Test
  void restreamServesPermittedCamerasToFfprobeAndRefusesTheOthers() throws Exception {
    User op = operator("live-c");
    String creds = op.username() + ":" + ADMIN_PASSWORD + "@";
    String base = "rtsp://" + creds + "127.0.0.1:" + restream.port() + "/";

    Result probe = ffprobe(base + "live-c");
    assertThat(probe.exit()).as(probe.err()).isZero();
    assertThat(probe.out()).contains("codec_name=h264").contains("width=1280").contains("height=720");
    Result sub = ffprobe(base + "live-c/sub");
    assertThat(sub.exit()).as(sub.err()).isZero();
    assertThat(sub.out()).contains("width=640").contains("height=360");

    Result refused = ffprobe(base + "live-d");
    assertThat(refused.exit()).isNotZero();
    assertThat(refused.err()).contains("404");
    Result wrongPassword = ffprobe("rtsp://" + op.username() + ":wrong@127.0.0.1:" + restream.port() + "/live-c");
    assertThat(wrongPassword.exit()).isNotZero();
    assertThat(wrongPassword.err()).contains("401");

    waitUntil(Duration.ofSeconds(10), () -> audits(op, AuditAction.LIVE_STOP).size() == 2);
    assertThat(audits(op, AuditAction.LIVE_START)).hasSize(2)
        .allSatisfy(r -> assertThat(r.details()).contains("via=rtsp"))
        .noneSatisfy(r -> assertThat(r.cameraId()).isEqualTo("live-d"));
  }

  @Test
  void snapshotOfAnH265CameraIsAJpegAndOtherUsersCamerasAre404() throws Exception {
    User op = operator(HEVC_CAMERA);
    byte[] jpeg = mvc.perform(get("/api/cameras/{id}/live/snapshot", HEVC_CAMERA).param("width", "640").with(as(op)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(360);
    mvc.perform(get("/api/cameras/{id}/live/snapshot", "live-a").with(as(op))).andExpect(status().isNotFound());
    mvc.perform(get("/api/cameras/{id}/live/snapshot", HEVC_CAMERA).param("stream", "side").with(as(op)))
        .andExpect(status().isBadRequest());
  }

  private String wsUrl(String cameraId, String stream) {
    return "ws://127.0.0.1:" + port + "/live/socket/" + cameraId + "?stream=" + stream;
  }

  private List<AuditRecord> audits(User user, AuditAction action) {
    return audit.find(new AuditFilter(user.username(), action, null, null, null), 0, 100);
  }

  private static String box(byte[] mp4, int offset) {
    return new String(mp4, offset + 4, 4, StandardCharsets.US_ASCII);
  }

  record Result(int exit, String out, String err) {}

  private static Result ffprobe(String url) throws Exception {
    Process p = new ProcessBuilder("ffprobe", "-v", "error", "-rtsp_transport", "tcp", "-timeout", "10000000",
        "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height", "-of", "default=nw=1", url)
        .start();
    // ffprobe's output is small; reading both after exit cannot dead-lock on a full pipe
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("ffprobe did not finish: " + url);
    }
    return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
