package id.pantau.recorder.node;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.ingest.CameraRecorder;
import id.pantau.recorder.ingest.Ingest;
import id.pantau.recorder.ingest.CameraState;
import id.pantau.recorder.testing.Await;
import id.pantau.recorder.upload.SegmentUploader;
import id.pantau.recorder.virtualcam.MediaFixtures;
import id.pantau.recorder.virtualcam.MountControl;
import id.pantau.recorder.virtualcam.VirtualCameraServer;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.check.ConsistencyCheck;
import id.pantau.storage.index.RunRow;
import id.pantau.storage.index.SegmentRow;
import id.pantau.storage.index.Timeline;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorder node end to end with real parts: Netty virtual cameras over RTSP, FFmpeg remuxing, the embedded
 * S3 endpoint through the MinIO SDK, and the H2 index.
 */
class RecorderNodeTest {
  static final Duration SEGMENT = Duration.ofSeconds(4);
  /** The issue asks for a 2-minute outage; -Dpantau.test.s3OutageSeconds shortens it for local runs. */
  static final int OUTAGE_SECONDS = Integer.getInteger("pantau.test.s3OutageSeconds", 120);

  @TempDir static Path dataDir;
  @TempDir Path scratch;
  static PipelineFixture fx;
  static VirtualCameraServer cameras;

  @BeforeAll
  static void start() {
    fx = new PipelineFixture(dataDir);
    cameras = new VirtualCameraServer(new InetSocketAddress("127.0.0.1", 0));
    for (int i = 1; i <= 6; i++) {
      cameras.mount("cam" + i + "/main", MediaFixtures.mainH264());
    }
    cameras.start();
  }

  @AfterAll
  static void stop() {
    cameras.close();
    fx.close();
  }

  RecorderNode node(SegmentUploader uploader) {
    return new RecorderNode(new RecorderNode.Settings("local", dataDir.resolve("spool"), SEGMENT), uploader,
        (config, spool) -> CameraRecorder.rtsp(config, uploader, Ingest.NETTY, spool));
  }

  @Test
  void recordsKeyframeAlignedSegmentsIntoTheStoreAndIndex() throws Exception {
    Camera cam = fx.camera("rec-1", cameras.url("cam1/main"));
    try (SegmentUploader uploader = fx.uploader(2000); RecorderNode node = node(uploader)) {
      node.sync(List.of(cam));
      Await.millisUntil(() -> fx.segments("rec-1").size() >= 3, 40_000, "three indexed segments");
      CameraStatus status = node.status("rec-1").orElseThrow();
      assertThat(status.state().phase()).isEqualTo(CameraState.Phase.RECORDING);
      assertThat(status.stats().fps()).isBetween(20.0, 30.0);
      assertThat(status.stats().gopFrames()).isEqualTo(50);
      assertThat(status.stats().bytesRecorded()).isPositive();
    }
    List<SegmentRow> segments = fx.segments("rec-1");
    for (SegmentRow s : segments) {
      fx.assertObjectMatchesRow(s, scratch);
      assertThat(s.fragmentIndex()).isNotBlank();
    }
    // the last segment was cut short by stopping the node
    for (SegmentRow s : segments.subList(0, segments.size() - 1)) {
      assertThat(s.mediaDuration90k()).as("closes at the first keyframe after 4 s: 2 s GOPs give 4 s")
          .isEqualTo(4 * 90_000L);
    }
    PipelineFixture.assertRunsContiguous(segments);
    assertThat(new ConsistencyCheck(fx.index, fx.store).run().rowsWithoutObject()).isEmpty();
  }

  @Test
  void aCameraThatGoesAwayIsReconnectedAndTheGapIsInTheIndex() throws Exception {
    Camera cam = fx.camera("rec-2", cameras.url("cam2/main"));
    MountControl control = cameras.control("cam2/main");
    long goneAt;
    long back;
    try (SegmentUploader uploader = fx.uploader(2000); RecorderNode node = node(uploader)) {
      node.sync(List.of(cam));
      Await.millisUntil(() -> fx.segments("rec-2").size() >= 1, 30_000, "a first segment");
      control.setRefuseConnections(true);
      control.disconnectAll();
      goneAt = System.currentTimeMillis();
      long detectedMs = Await.millisUntil(() -> !node.status("rec-2").orElseThrow().state().recording(), 10_000,
          "the outage to be noticed");
      Thread.sleep(6_000);
      assertThat(node.status("rec-2").orElseThrow().state().phase()).isEqualTo(CameraState.Phase.RECONNECTING);
      control.setRefuseConnections(false);
      back = System.currentTimeMillis();
      long resumedMs = Await.millisUntil(() -> node.status("rec-2").orElseThrow().state().recording(), 10_000,
          "recording to resume");
      System.out.printf("camera gone: noticed after %d ms; recording again %d ms after its return%n", detectedMs,
          resumedMs);
      assertThat(detectedMs).as("outage detected within 5 s").isLessThanOrEqualTo(5_000);
      assertThat(resumedMs).as("recording resumes within 3 s of the camera's return").isLessThanOrEqualTo(3_000);
      Await.millisUntil(() -> fx.index.runs("rec-2", "main", 0, Long.MAX_VALUE).size() >= 2
          && fx.segments("rec-2").stream().anyMatch(s -> s.startWallMs() >= back), 30_000, "a segment of the new run");
      assertThat(node.status("rec-2").orElseThrow().stats().reconnects()).isPositive();
    }
    List<RunRow> runs = fx.index.runs("rec-2", "main", 0, Long.MAX_VALUE);
    assertThat(runs.get(1).startReason()).isEqualTo("RECONNECT");
    List<SegmentRow> segments = fx.segments("rec-2");
    Timeline t = Timeline.of(segments.get(0).startWallMs(), segments.get(segments.size() - 1).endWallMs(), runs,
        segments, 1000);
    assertThat(t.gaps()).as("the outage is a gap in the timeline").hasSize(1);
    Timeline.Gap gap = t.gaps().get(0);
    assertThat(gap.startWallMs()).isLessThanOrEqualTo(goneAt + 1000);
    assertThat(gap.endWallMs()).isGreaterThanOrEqualTo(back - 1000);
  }

  @Test
  void anObjectStoreOutageLosesNoSegment() throws Exception {
    List<Camera> four = new ArrayList<>();
    for (int i = 3; i <= 6; i++) {
      four.add(fx.camera("out-" + i, cameras.url("cam" + i + "/main")));
    }
    long outageStart;
    long outageEnd;
    long spoolPeakBytes = 0;
    try (SegmentUploader uploader = fx.uploader(2000); RecorderNode node = node(uploader)) {
      node.sync(four);
      Await.millisUntil(() -> four.stream().allMatch(c -> fx.segments(c.id()).size() >= 1), 40_000,
          "a segment from every camera");
      fx.s3.stop();
      outageStart = System.currentTimeMillis();
      while (System.currentTimeMillis() - outageStart < OUTAGE_SECONDS * 1000L) {
        spoolPeakBytes = Math.max(spoolPeakBytes, uploader.pendingBytes());
        assertThat(node.statuses()).as("recording goes on during the outage")
            .allSatisfy(s -> assertThat(s.state().phase()).isEqualTo(CameraState.Phase.RECORDING));
        Thread.sleep(1000);
      }
      int waiting = uploader.pendingSegments();
      String outageError = uploader.lastError();
      fx.s3.start();
      outageEnd = System.currentTimeMillis();
      assertThat(outageError).as("the failure is named").startsWith("UNREACHABLE: endpoint unreachable");
      long drainMs = Await.millisUntil(() -> uploader.pendingSegments() == 0 && uploader.pendingBytes() < 1, 60_000,
          "the spool to drain");
      System.out.printf("S3 outage of %d s: %d segments (%d bytes peak) waited in the spool, drained in %d ms%n",
          (outageEnd - outageStart) / 1000, waiting, spoolPeakBytes, drainMs);
      // 4 cameras x one 4 s segment per 4 s of outage; allow for the last one still being written
      assertThat(waiting).as("segments waited in the spool").isGreaterThanOrEqualTo(OUTAGE_SECONDS / 4 * 4 - 8);
    }
    for (Camera c : four) {
      List<SegmentRow> segments = fx.segments(c.id());
      PipelineFixture.assertRunsContiguous(segments);
      assertThat(fx.index.runs(c.id(), "main", 0, Long.MAX_VALUE)).as("one run: nothing interrupted it").hasSize(1);
      Timeline t = Timeline.of(segments.get(0).startWallMs(), segments.get(segments.size() - 1).endWallMs(),
          List.of(), segments, 100);
      assertThat(t.gaps()).as("no gap in %s across the outage", c.id()).isEmpty();
      assertThat(segments.get(segments.size() - 1).endWallMs()).isGreaterThan(outageEnd - 5_000);
      assertThat(segments.get(0).startWallMs()).isLessThan(outageStart);
    }
    fx.assertObjectMatchesRow(fx.segments("out-3").get(2), scratch);
    ConsistencyCheck.Report report = new ConsistencyCheck(fx.index, fx.store).run();
    assertThat(report.rowsWithoutObject()).isEmpty();
    assertThat(report.sizeMismatches()).isEmpty();
  }
}
