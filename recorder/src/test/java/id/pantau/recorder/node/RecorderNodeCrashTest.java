package id.pantau.recorder.node;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.ingest.CameraRecorder;
import id.pantau.recorder.ingest.Ingest;
import id.pantau.recorder.testing.Await;
import id.pantau.recorder.upload.SegmentUploader;
import id.pantau.recorder.virtualcam.MediaFixtures;
import id.pantau.recorder.virtualcam.VirtualCameraServer;
import id.pantau.storage.check.ConsistencyCheck;
import id.pantau.storage.index.IndexDatabase;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.index.SegmentRow;
import id.pantau.storage.s3.EmbeddedS3;
import id.pantau.storage.s3.MinioObjectStore;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a recorder node process mid-segment, then a restart: its spool is repaired, uploaded and indexed,
 * at most 2 s of video per camera is lost, and the index and the store agree.
 */
class RecorderNodeCrashTest {
  @TempDir Path dataDir;
  @TempDir Path scratch;

  @Test
  void restartAfterKillRecoversTheSpoolAndLosesAtMostTwoSeconds() throws Exception {
    Path nodeDir = dataDir.resolve("node");
    try (EmbeddedS3 s3 = new EmbeddedS3(dataDir.resolve("s3"), 0).start();
        MinioObjectStore store = new MinioObjectStore(s3.settings("segments"));
        VirtualCameraServer cams = new VirtualCameraServer(new InetSocketAddress("127.0.0.1", 0))) {
      store.ensureBucket();
      cams.mount("a/main", MediaFixtures.mainH264());
      cams.mount("b/main", MediaFixtures.mainH264());
      cams.start();
      Path camerasFile = Files.writeString(dataDir.resolve("cameras.txt"),
          "crash-a " + cams.url("a/main") + "\ncrash-b " + cams.url("b/main") + "\n");

      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir"),
          "-cp", System.getProperty("java.class.path"), RecorderNodeMain.class.getName(),
          nodeDir.toString(), camerasFile.toString(), "4");
      Map<String, String> env = pb.environment();
      env.put("VMS_STORAGE_S3_ENDPOINT", s3.endpoint().toString());
      env.put("VMS_STORAGE_S3_ACCESS_KEY", s3.accessKey());
      env.put("VMS_STORAGE_S3_SECRET_KEY", s3.secretKey());
      env.put("VMS_STORAGE_S3_BUCKET", "segments");
      pb.redirectErrorStream(true).redirectOutput(dataDir.resolve("child.log").toFile());
      Process child = pb.start();
      long killedAt;
      try {
        // two segments stored per camera, then kill about 2.5 s into the next one
        Await.millisUntil(() -> store.list("segments/crash-a/").size() >= 2 && store.list("segments/crash-b/").size() >= 2,
            60_000, "two stored segments per camera");
        Thread.sleep(2_500);
      } finally {
        killedAt = System.currentTimeMillis();
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(Files.readString(dataDir.resolve("child.log"))).contains("READY 2 cameras");
      assertThat(Files.walk(nodeDir.resolve("spool")).filter(p -> p.toString().endsWith(".mp4")).count())
          .as("partial segments left in the spool").isGreaterThanOrEqualTo(2);

      // the restart: same data directory, same store
      try (IndexDatabase db = IndexDatabase.openFile(nodeDir)) {
        SegmentIndex index = new SegmentIndex(db.dataSource());
        try (SegmentUploader uploader = new SegmentUploader(store, index, 2, n -> 500)) {
          RecorderNode node = new RecorderNode(new RecorderNode.Settings("local", nodeDir.resolve("spool"),
              Duration.ofSeconds(4)), uploader, (config, spool) -> CameraRecorder.rtsp(config, uploader, Ingest.NETTY, spool));
          assertThat(node.recoverSpool()).isGreaterThanOrEqualTo(2);
          assertThat(uploader.drain(30_000)).as("recovered segments uploaded").isTrue();
        }
        try (var spool = Files.walk(nodeDir.resolve("spool"))) {
          assertThat(spool.filter(p -> p.toString().endsWith(".mp4")).toList()).as("spool emptied").isEmpty();
        }
        for (String camera : List.of("crash-a", "crash-b")) {
          List<SegmentRow> segments = index.segments(camera, "main", 0, Long.MAX_VALUE);
          PipelineFixture.assertRunsContiguous(segments);
          long lostMs = killedAt - segments.get(segments.size() - 1).endWallMs();
          System.out.printf("kill -9: %s lost %d ms of video%n", camera, lostMs);
          assertThat(lostMs).as("video of %s lost to the crash", camera).isLessThanOrEqualTo(2_000);
          SegmentRow last = segments.get(segments.size() - 1);
          assertThat(store.stat(last.objectKey()).sizeBytes()).isEqualTo(last.bytes());
        }
        ConsistencyCheck.Report report = new ConsistencyCheck(index, store).run();
        System.out.println("consistency after the crash: " + report.summary());
        assertThat(report.consistent()).as(report.summary()).isTrue();
      }
    }
  }
}
