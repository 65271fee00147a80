package id.pantau.recorder.node;

import id.pantau.recorder.ingest.CameraRecorder;
import id.pantau.recorder.ingest.Ingest;
import id.pantau.recorder.upload.SegmentUploader;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.index.IndexDatabase;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.s3.EmbeddedS3;
import id.pantau.storage.s3.MinioObjectStore;
import id.pantau.storage.s3.S3Credentials;
import id.pantau.storage.s3.S3Settings;
import id.pantau.storage.secret.SecretCipher;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recorder node without the web layer, for benchmarks and crash tests:
 * {@code RecorderNodeMain DATA_DIR CAMERAS_FILE SEGMENT_SECONDS}. CAMERAS_FILE has one {@code id rtsp-url} per
 * line. The object store is the one named by VMS_STORAGE_S3_ENDPOINT, _ACCESS_KEY, _SECRET_KEY and _BUCKET in
 * the environment (never on the command line), else an embedded endpoint in DATA_DIR. The system property
 * {@code pantau.ingest} (or PANTAU_INGEST) picks the RTSP client, netty (default) or ffmpeg. Prints {@code READY} once
 * recording. On SIGTERM it stops the cameras (closing their open segments), waits up to two minutes for the
 * uploads, and prints one {@link RecordingSummary} line per camera and a total, from the index.
 */
public final class RecorderNodeMain {
  private static final long DRAIN_MS = 120_000;
  private static final double NOMINAL_FPS = 25;

  private RecorderNodeMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: RecorderNodeMain DATA_DIR CAMERAS_FILE SEGMENT_SECONDS");
      System.exit(2);
    }
    Path dataDir = Path.of(args[0]);
    Files.createDirectories(dataDir);
    EmbeddedS3 embedded = null;
    S3Settings settings;
    String endpoint = System.getenv("VMS_STORAGE_S3_ENDPOINT");
    if (endpoint != null && !endpoint.isBlank()) {
      settings = new S3Settings(URI.create(endpoint), "us-east-1", System.getenv("VMS_STORAGE_S3_BUCKET"),
          new S3Credentials(System.getenv("VMS_STORAGE_S3_ACCESS_KEY"), System.getenv("VMS_STORAGE_S3_SECRET_KEY")));
    } else {
      embedded = new EmbeddedS3(dataDir, 0).start();
      settings = embedded.settings("segments");
    }
    MinioObjectStore store = new MinioObjectStore(settings);
    store.ensureBucket();
    IndexDatabase db = IndexDatabase.openFile(dataDir);
    SegmentIndex index = new SegmentIndex(db.dataSource());
    CameraRepository repo = new CameraRepository(db.dataSource(),
        SecretCipher.load(System.getenv("VMS_SECRET_KEY"), dataDir.resolve("secret.key")), Clock.systemUTC());
    List<Camera> cameras = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2) {
        cameras.add(repo.save(new Camera(parts[0], null, null, null, parts[1], null, null, null, null, true, 7,
            null)));
      }
    }
    SegmentUploader uploader = new SegmentUploader(store, index, 2, SegmentUploader::defaultRetryDelayMs);
    Ingest ingest = Ingest.parse(System.getProperty("pantau.ingest", System.getenv("PANTAU_INGEST")));
    RecorderNode node = new RecorderNode(new RecorderNode.Settings(Camera.LOCAL_NODE, dataDir.resolve("spool"),
        Duration.ofSeconds(Integer.parseInt(args[2]))), uploader,
        (config, spool) -> CameraRecorder.rtsp(config, uploader, ingest, spool));
    int recovered = node.recoverSpool();
    node.sync(cameras);
    long startWallMs = System.currentTimeMillis();
    System.out.println("READY " + cameras.size() + " cameras, " + recovered + " segments recovered, ingest "
        + ingest.name().toLowerCase(Locale.ROOT) + ", spool sync " + node.spoolSyncMode().name().toLowerCase(
        Locale.ROOT));
    EmbeddedS3 toClose = embedded;
    List<String> cameraIds = cameras.stream().map(Camera::id).toList();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      long stopWallMs = System.currentTimeMillis();
      node.close();
      System.out.printf("STOPPED %d cameras in %d ms%n", cameraIds.size(), System.currentTimeMillis() - stopWallMs);
      drain(uploader);
      uploader.close();
      printSummary(cameraIds, index, startWallMs, stopWallMs);
      db.close();
      if (toClose != null) {
        toClose.close();
      }
    }, "recorder-node-shutdown"));
    Thread.currentThread().join();
  }

  private static void drain(SegmentUploader uploader) {
    long started = System.nanoTime();
    try {
      boolean drained = uploader.drain(DRAIN_MS);
      System.out.printf("DRAINED %s in %d ms, %d segments still waiting%n", drained ? "all" : "not all",
          (System.nanoTime() - started) / 1_000_000, uploader.pendingSegments());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void printSummary(List<String> cameraIds, SegmentIndex index, long startWallMs, long stopWallMs) {
    List<RecordingSummary> summaries = RecordingSummary.of(cameraIds, index.allSegmentsOldestFirst(), NOMINAL_FPS,
        startWallMs, stopWallMs);
    summaries.forEach(s -> System.out.println(s.line()));
    System.out.println(RecordingSummary.total(summaries).line());
    System.out.flush();
  }
}
