package id.pantau.storage.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CameraValidatorTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "rtsp://10.20.0.5:554/Streaming/Channels/101",
      "rtsps://cam.example.go.id/live",
      "RTSP://192.168.1.2/stream1",
      "rtsp://[fd00::5]:8554/main"})
  void acceptsPlainRtspUrls(String url) {
    assertThat(CameraValidator.requireRtspUrl("mainUrl", url).getHost()).isNotBlank();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://10.0.0.1/video            | only rtsp:// and rtsps:// URLs are accepted, not http:",
      "file:///etc/passwd               | only rtsp:// and rtsps:// URLs are accepted, not file:",
      "concat:a.mp4                     | only rtsp:// and rtsps:// URLs are accepted, not concat:",
      "rtsp://10.0.0.1/a;reboot         | characters not allowed",
      "rtsp://10.0.0.1/$(id)            | characters not allowed",
      "rtsp://admin:secret@10.0.0.1/a   | credentials in the URL are not accepted",
      "rtsp:///nohost                   | the URL has no host",
      "/relative/path                   | not a relative URL",
      "rtsp://10.0.0.1:99999/a          | port out of range",
      "rtsp://bad host/                 | characters not allowed"})
  void rejectsHostileOrMalformedUrlsWithAClearMessage(String url, String message) {
    assertThatThrownBy(() -> CameraValidator.requireRtspUrl("mainUrl", url))
        .isInstanceOf(InvalidCameraException.class)
        .hasMessageStartingWith("mainUrl: ")
        .hasMessageContaining(message.trim());
  }

  @ParameterizedTest
  @ValueSource(strings = {"../etc", "Cam1", "", "a/b", "a..b", "-lead", "x%2e%2e"})
  void rejectsIdsThatCouldEscapeAKey(String id) {
    assertThatThrownBy(() -> CameraValidator.requireId(id)).isInstanceOf(InvalidCameraException.class)
        .hasMessageStartingWith("id: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cam-1", "a", "balai-kota-lobby-2"})
  void acceptsSafeIds(String id) {
    assertThat(CameraValidator.requireId(id)).isEqualTo(id);
  }

  @org.junit.jupiter.api.Test
  void cameraToStringNeverShowsThePassword() {
    Camera c = new Camera("c1", null, null, null, "rtsp://10.0.0.1/a", null, "admin", "hunter2", null, true, 0, null);
    assertThat(c.toString()).doesNotContain("hunter2").contains("password=***");
    assertThat(c.name()).isEqualTo("c1");
    assertThat(c.transport()).isEqualTo(Transport.TCP);
    assertThat(c.retentionDays()).isEqualTo(Camera.DEFAULT_RETENTION_DAYS);
  }
}
