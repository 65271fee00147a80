package id.pantau.web.demo;

import id.pantau.recorder.virtualcam.TestMedia;
import id.pantau.recorder.virtualcam.VirtualCameraMain;
import id.pantau.recorder.virtualcam.VirtualCameraServer;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.camera.Transport;
import id.pantau.web.VmsProperties;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Virtual cameras for a system with no real ones: a Netty RTSP server playing generated clips, and camera
 * rows pointing at it. Started only when demo mode is on and no camera is configured.
 */
public class DemoCameras implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DemoCameras.class);

  private final VirtualCameraServer server;

  private DemoCameras(VirtualCameraServer server) {
    this.server = server;
  }

  /** Generates media if needed, starts the RTSP server, registers {@code count} cameras. */
  public static DemoCameras start(VmsProperties.Demo demo, Path mediaDir, CameraRepository cameras) {
    Path main = TestMedia.ensure(mediaDir, TestMedia.Kind.MAIN_H264);
    Path sub = TestMedia.ensure(mediaDir, TestMedia.Kind.SUB_H264);
    VirtualCameraServer server = new VirtualCameraServer(new InetSocketAddress(demo.rtspHost(), demo.rtspPort()));
    if ("1".equals(System.getenv(VirtualCameraMain.STAMP_SEND_TIME))) { // bench/live measures latency with it
      server.stampSendTime(System::currentTimeMillis);
    }
    for (int i = 1; i <= demo.cameras(); i++) {
      server.mount("cam" + i + "/main", main);
      server.mount("cam" + i + "/sub", sub);
    }
    server.start();
    String base = "rtsp://" + demo.rtspHost() + ":" + server.port() + "/cam";
    for (int i = 1; i <= demo.cameras(); i++) {
      cameras.save(new Camera("demo-" + i, "Demo camera " + i, null, null, base + i + "/main", base + i + "/sub",
          null, null, Transport.TCP, true, 7, Camera.LOCAL_NODE));
    }
    log.info("{} demo cameras at {}1..{}/main and /sub", demo.cameras(), base, demo.cameras());
    return new DemoCameras(server);
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }
}
