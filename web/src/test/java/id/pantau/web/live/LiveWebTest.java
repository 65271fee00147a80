package id.pantau.web.live;

import id.pantau.recorder.live.LiveHub;
import id.pantau.recorder.live.RestreamServer;
import id.pantau.recorder.node.RecorderNode;
import id.pantau.recorder.virtualcam.TestMedia;
import id.pantau.recorder.virtualcam.VirtualCameraServer;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.Transport;
import id.pantau.web.HttpSession;
import id.pantau.web.PantauWebTest;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.user.Grant;
import id.pantau.web.user.Role;
import id.pantau.web.user.User;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with its recorder on, recording cameras served by a virtual camera server on the loopback that
 * lives as long as the test JVM: live-a .. live-d (H.264 main 1280x720 and sub 640x360) and live-hevc (H.265 main
 * only). Test classes extending this share one context.
 */
public abstract class LiveWebTest extends PantauWebTest {
  static final List<String> H264_CAMERAS = List.of("live-a", "live-b", "live-c", "live-d");
  static final String HEVC_CAMERA = "live-hevc";
  static final VirtualCameraServer CAMERAS = startCameras();

  @Autowired protected RecorderNode recorder;
  @Autowired protected LiveHub hub;
  @Autowired protected RestreamServer restream;
  @Autowired protected AuditTrail audit;

  @DynamicPropertySource
  static void recorderOn(DynamicPropertyRegistry r) {
    r.add("vms.recorder.enabled", () -> "true");
    r.add("vms.live.linger", () -> "2s");
  }

  private static VirtualCameraServer startCameras() {
    Path media = Path.of("target/media");
    Path main = TestMedia.ensure(media, TestMedia.Kind.MAIN_H264);
    Path sub = TestMedia.ensure(media, TestMedia.Kind.SUB_H264);
    Path hevc = TestMedia.ensure(media, TestMedia.Kind.MAIN_H265);
    VirtualCameraServer server = new VirtualCameraServer(new InetSocketAddress("127.0.0.1", 0));
    for (String id : H264_CAMERAS) {
      server.mount(id + "/main", main);
      server.mount(id + "/sub", sub);
    }
    server.mount(HEVC_CAMERA + "/main", hevc);
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    return server;
  }

  /** The test cameras exist and are recorded (the recorder is told, as the camera pages would). */
  @BeforeEach
  void camerasRecorded() {
    for (String id : H264_CAMERAS) {
      if (!cameras.exists(id)) {
        cameras.save(new Camera(id, "Camera " + id.substring(5).toUpperCase(), null, null,
            CAMERAS.url(id + "/main"), CAMERAS.url(id + "/sub"), null, null, Transport.TCP, true, 1, null));
      }
    }
    if (!cameras.exists(HEVC_CAMERA)) {
      cameras.save(new Camera(HEVC_CAMERA, "Camera HEVC", null, null, CAMERAS.url(HEVC_CAMERA + "/main"), null,
          null, null, Transport.TCP, true, 1, null));
    }
    recorder.sync(cameras.findAll());
  }

  /** An operator who may watch exactly these cameras. */
  User operator(String... cameraIds) {
    Set<Grant> grants = Set.of(cameraIds).stream().map(Grant::camera).collect(Collectors.toSet());
    return createUser(unique("operator"), EnumSet.of(Role.OPERATOR), false, grants);
  }

  /** Polls {@code condition} until it holds, failing after {@code timeout}. */
  static void waitUntil(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(50);
    }
  }

  /** A browser-like session signed in as {@code user} (password ADMIN_PASSWORD). */
  HttpSession signedIn(User user) throws Exception {
    HttpSession session = new HttpSession(baseUrl());
    session.signIn(user.username(), ADMIN_PASSWORD);
    return session;
  }
}
