package id.pantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.s3.EmbeddedS3;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The run command's configuration: embedded H2 and S3, demo cameras; health is UP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationHealthTest {
  static Path dataDir;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) throws Exception {
    dataDir = Files.createTempDirectory("pantau-app");
    r.add("vms.data-dir", dataDir::toString);
    r.add("vms.storage.embedded-s3.port", () -> "0");
    r.add("vms.live.rtsp-port", () -> "0");
    r.add("vms.live.bind-address", () -> "127.0.0.1");
    r.add("vms.demo.rtsp-port", () -> "0");
    r.add("vms.demo.cameras", () -> "2");
    r.add("vms.demo.media-dir", () -> Path.of("target/media").toAbsolutePath().toString());
  }

  @LocalServerPort int port;
  @Autowired EmbeddedS3 embeddedS3;
  @Autowired CameraRepository cameras;

  @Test
  void healthIsUpWithIndexAndObjectStoreReachable() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode health = new ObjectMapper().readTree(r.body());
    assertThat(health.path("status").asString()).isEqualTo("UP");
    assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
    assertThat(health.at("/components/objectStore/status").asString()).isEqualTo("UP");
  }

  @Test
  void embeddedDefaultsLiveInTheDataDirectory() {
    assertThat(dataDir.resolve("index.mv.db")).exists();
    assertThat(dataDir.resolve("s3-credentials.properties")).exists();
    assertThat(embeddedS3.endpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(cameras.findAll()).extracting(c -> c.id()).containsExactly("demo-1", "demo-2");
    assertThat(cameras.find("demo-1").orElseThrow().mainUrl()).startsWith("rtsp://127.0.0.1:").endsWith("/cam1/main");
  }
}
