package id.pantau.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A real FFmpeg connection attempt to a closed port with credentials in the URL: whatever FFmpeg, JavaCV and
 * careless application code log, the password never reaches the log output (the application's logback
 * configuration, pantau-logback.xml, is what formats these lines).
 */
@ExtendWith(OutputCaptureExtension.class)
class CameraPasswordLogTest {
  private static final Logger log = LoggerFactory.getLogger("id.pantau.recorder.ingest.Example");
  static final String PASSWORD = "Rahasia-7731-kamera";

  @Test
  void aFailedCameraConnectionLogsNoPassword(CapturedOutput output) throws Exception {
    FfmpegLogToSlf4j.install();
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String url = "rtsp://admin:" + PASSWORD + "@127.0.0.1:" + closedPort + "/Streaming/Channels/101";
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url);
    grabber.setOption("rtsp_transport", "tcp");
    grabber.setOption("timeout", "3000000");
    try {
      assertThatThrownBy(grabber::start).isInstanceOf(FFmpegFrameGrabber.Exception.class)
          .satisfies(e -> {
            // JavaCV quotes the URL, password included, in its exception: exactly what ends up in logs
            assertThat(e.getMessage()).contains(PASSWORD);
            log.warn("camera cam-1 connection to {} failed: {}", url, e.getMessage(), e);
          });
    } finally {
      grabber.release();
    }
    log.info("retrying cam-1 with username=admin password={}", PASSWORD);
    log.info("camera settings {\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}");

    String all = output.getAll();
    assertThat(all).doesNotContain(PASSWORD);
    // the lines are there, masked
    assertThat(all).contains("connection to rtsp://***@127.0.0.1:" + closedPort + "/Streaming/Channels/101 failed")
        .contains("password=***").contains("\"password\":\"***\"");
    // FFmpeg's own log went through SLF4J (logger "ffmpeg") rather than straight to stderr
    assertThat(all).containsPattern("ffmpeg\\s+: .*(Connection refused|Connection to tcp://127\\.0\\.0\\.1)");
  }

  @Test
  void maskingCoversTheUsualShapes() {
    assertThat(SecretMasking.mask("open rtsp://admin:p%40ss@10.0.0.1:554/a and rtsps://u:x@cam.lan/b"))
        .isEqualTo("open rtsp://***@10.0.0.1:554/a and rtsps://***@cam.lan/b");
    assertThat(SecretMasking.mask("rtsp://admin:p@ss@10.0.0.1/a")).isEqualTo("rtsp://***@10.0.0.1/a");
    assertThat(SecretMasking.mask("password=hunter2 passwd: hunter2, secret_key=abc;pwd=\"x\""))
        .isEqualTo("password=*** passwd: ***, secret_key=***;pwd=\"***\"");
    assertThat(SecretMasking.mask("Authorization: Bearer pantau_abcdefghijklmnop1234"))
        .isEqualTo("Authorization: Bearer pantau_***");
    assertThat(SecretMasking.mask("rtsp://10.0.0.1/a user@example.com"))
        .isEqualTo("rtsp://10.0.0.1/a user@example.com");
    // the setup link must stay usable
    assertThat(SecretMasking.mask("/setup?token=abc123")).isEqualTo("/setup?token=abc123");
  }
}
