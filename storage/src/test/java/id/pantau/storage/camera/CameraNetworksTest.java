package id.pantau.storage.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CameraNetworksTest {
  // a resolver with fixed answers: no DNS traffic from tests
  static final CameraNetworks.HostResolver HOSTS = host -> switch (host) {
    case "cam-lobby.pemkot.lan" -> new InetAddress[] {InetAddress.getByName("10.20.1.7")};
    case "rebind.example" -> new InetAddress[] {InetAddress.getByName("10.0.0.8"), InetAddress.getByName("8.8.8.8")};
    case "public.example.com" -> new InetAddress[] {InetAddress.getByName("93.184.216.34")};
    default -> throw new UnknownHostException(host);
  };
  static final CameraNetworks DEFAULTS = CameraNetworks.of(CameraNetworks.PRIVATE_AND_LOOPBACK, HOSTS);

  @ParameterizedTest
  @ValueSource(strings = {
      "rtsp://10.20.0.5:554/Streaming/Channels/101",
      "rtsp://172.31.255.254/a",
      "rtsps://192.168.1.2/stream1",
      "rtsp://127.0.0.1:8554/cam1/main",
      "rtsp://[::1]:8554/main",
      "rtsp://[fd00::5]:8554/main",
      "rtsp://cam-lobby.pemkot.lan/live"})
  void acceptsCamerasInPrivateRangesAndLoopback(String url) {
    assertThat(CameraValidator.requireCameraUrl("mainUrl", url, DEFAULTS).getHost()).isNotBlank();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "rtsp://8.8.8.8/live                    | the host 8.8.8.8 is outside the camera networks",
      "rtsp://169.254.169.254/latest          | outside the camera networks",
      "rtsp://0.0.0.0:554/a                   | outside the camera networks",
      "rtsp://172.32.0.1/a                    | outside the camera networks",
      "rtsp://[2001:db8::1]/a                 | outside the camera networks",
      "rtsp://public.example.com/a            | the host public.example.com (93.184.216.34) is outside",
      "rtsp://rebind.example/a                | (8.8.8.8) is outside the camera networks",
      "rtsp://nowhere.invalid/a               | cannot be resolved",
      "rtsp://2130706433/a                    | write an IPv4 address as four decimal numbers",
      "rtsp://0x7f000001/a                    | write an IPv4 address as four decimal numbers",
      "rtsp://0177.0.0.1/a                    | write an IPv4 address as four decimal numbers",
      "rtsp://127.1/a                         | the URL has no host",
      "rtsp://10.0.0.010/a                    | write an IPv4 address as four decimal numbers"})
  void rejectsHostsOutsideTheCameraNetworksWithAClearMessage(String url, String message) {
    assertThatThrownBy(() -> CameraValidator.requireCameraUrl("mainUrl", url, DEFAULTS))
        .isInstanceOf(InvalidCameraException.class)
        .hasMessageStartingWith("mainUrl: ")
        .hasMessageContaining(message.trim());
  }

  @Test
  void configuredRangesReplaceTheDefaults() {
    CameraNetworks fiber = CameraNetworks.of(List.of("100.64.0.0/10", "10.20.0.0/16"), HOSTS);
    assertThat(CameraValidator.requireCameraUrl("subUrl", "rtsp://100.100.1.1/a", fiber)).isNotNull();
    assertThat(CameraValidator.requireCameraUrl("subUrl", "rtsp://10.20.9.9/a", fiber)).isNotNull();
    assertThatThrownBy(() -> CameraValidator.requireCameraUrl("subUrl", "rtsp://10.21.0.1/a", fiber))
        .hasMessageContaining("outside the camera networks [100.64.0.0/10, 10.20.0.0/16]");
    assertThatThrownBy(() -> CameraValidator.requireCameraUrl("subUrl", "rtsp://127.0.0.1/a", fiber))
        .hasMessageContaining("outside");
  }

  @Test
  void validateChecksBothUrls() {
    Camera c = new Camera("c1", null, null, null, "rtsp://10.0.0.1/a", "rtsp://8.8.4.4/b", null, null, null, true, 0,
        null);
    assertThatThrownBy(() -> CameraValidator.validate(c, DEFAULTS)).hasMessageStartingWith("subUrl: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "bogus", "10.0.0/8", "::1/129"})
  void rejectsMalformedRanges(String cidr) {
    assertThatThrownBy(() -> CameraNetworks.of(List.of(cidr))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(cidr.split("/")[0]);
  }
}
