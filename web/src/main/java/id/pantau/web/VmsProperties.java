package id.pantau.web;

import id.pantau.recorder.ingest.Ingest;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Every {@code vms.*} setting with its default; the README's configuration reference mirrors this. */
@ConfigurationProperties(prefix = "vms")
public record VmsProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue Http http,
    @DefaultValue Storage storage,
    @DefaultValue Demo demo,
    @DefaultValue Recorder recorder,
    String secretKey,
    @DefaultValue List<CameraConfig> cameras,
    @DefaultValue Security security,
    @DefaultValue Ui ui,
    String command) {

  /** Where camera secrets are sealed: {@code vms.secret-key} (base64, 32 bytes) or a key file here. */
  public Path secretKeyFile() {
    return dataDir.resolve("secret.key");
  }

  /** Where the demo cameras' generated clips are kept. */
  public Path demoMediaDir() {
    return demo.mediaDir() != null ? demo.mediaDir() : dataDir.resolve("media");
  }

  /**
   * Sign-in, camera networks and the first administrator. {@code adminPassword} is also read from the plain
   * {@code VMS_ADMIN_PASSWORD} environment variable; it is used once, when no user exists.
   */
  public record Security(
      String adminPassword,
      @DefaultValue({"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "::1/128", "fc00::/7"})
      List<String> cameraNetworks,
      @DefaultValue("5") int maxFailedSignIns,
      @DefaultValue("15m") Duration failureWindow,
      @DefaultValue("15m") Duration lockout,
      @DefaultValue("12") int minPasswordLength,
      @DefaultValue("true") boolean routeFfmpegLog) {}

  /** The web UI: times are stored in UTC and shown in the site's zone, or this one when a site has none. */
  public record Ui(@DefaultValue("Asia/Jakarta") ZoneId defaultTimeZone) {}

  /** The HTTP listener; {@code server.port} follows {@code vms.http.port}. */
  public record Http(@DefaultValue("8080") int port) {}

  /** Where segments go: an external S3/MinIO when all four s3 settings are given, else the embedded endpoint. */
  public record Storage(@DefaultValue S3 s3, @DefaultValue EmbeddedS3 embeddedS3) {}

  /** An external S3 endpoint (MinIO). */
  public record S3(
      String endpoint,
      String accessKey,
      String secretKey,
      @DefaultValue("pantau-segments") String bucket,
      @DefaultValue("us-east-1") String region) {

    /** True when the operator configured an external endpoint completely. */
    public boolean configured() {
      return notBlank(endpoint) && notBlank(accessKey) && notBlank(secretKey) && notBlank(bucket);
    }

    /** True when some but not all of the external endpoint settings are given: a likely mistake. */
    public boolean partlyConfigured() {
      return !configured() && (notBlank(endpoint) || notBlank(accessKey) || notBlank(secretKey));
    }

    private static boolean notBlank(String s) {
      return s != null && !s.isBlank();
    }
  }

  /** The in-process S3 endpoint (S3Proxy on a filesystem directory, on 127.0.0.1) used when no external one is set. */
  public record EmbeddedS3(@DefaultValue("9000") int port) {}

  /** Demo cameras: virtual RTSP cameras started when no real camera is configured. */
  public record Demo(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("4") int cameras,
      @DefaultValue("127.0.0.1") String rtspHost,
      @DefaultValue("8555") int rtspPort,
      Path mediaDir) {}

  /** The recorder of this node; {@code ingest} picks the RTSP client (netty, or ffmpeg for FFmpeg's demuxer). */
  public record Recorder(
      @DefaultValue("local") String node,
      @DefaultValue("60") int segmentSeconds,
      Path spoolDir,
      @DefaultValue("20GB") DataSize spoolMaxSize,
      @DefaultValue("0B") DataSize storageQuota,
      @DefaultValue("true") boolean enabled,
      @DefaultValue("2") int uploadWorkers,
      @DefaultValue("netty") Ingest ingest) {}

  /** A camera declared in configuration; it is written to the index at start-up. */
  public record CameraConfig(
      String id,
      String name,
      String site,
      String link,
      String mainUrl,
      String subUrl,
      String username,
      String password,
      @DefaultValue("TCP") Transport transport,
      @DefaultValue("true") boolean enabled,
      @DefaultValue("30") int retentionDays,
      String recorderNode) {

    public Camera toCamera() {
      return new Camera(id, name, site, link, mainUrl, subUrl, username, password, transport, enabled, retentionDays,
          recorderNode);
    }
  }
}
