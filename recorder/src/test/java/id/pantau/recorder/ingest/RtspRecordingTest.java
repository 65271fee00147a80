package id.pantau.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.pantau.recorder.ingest.CameraState.Phase;
import id.pantau.recorder.segment.ClosedSegment;
import id.pantau.recorder.segment.Fragment;
import id.pantau.recorder.segment.RunInfo;
import id.pantau.recorder.segment.RunStartReason;
import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.testing.Await;
import id.pantau.recorder.testing.CollectingSink;
import id.pantau.recorder.testing.GstRtspServer;
import id.pantau.recorder.testing.SegmentChecks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Records from GStreamer's RTSP server: both codecs, a hung camera, a camera that goes away and comes back. */
class RtspRecordingTest {

    private static final String PASSWORD = "s3cr3t-Pw";

    @TempDir
    Path spool;
    @TempDir
    Path scratch;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    private CameraConfig.Builder camera(String id, String url) {
        return CameraConfig.builder(id, "main", url, spool)
                .segmentTarget(Duration.ofSeconds(8))
                .stallTimeout(Duration.ofSeconds(4))
                .openTimeout(Duration.ofSeconds(6));
    }

    @Test
    void recordsH264AndH265WithCredentialsIntoValidJoinedSegments() throws Exception {
        try (GstRtspServer server = GstRtspServer.start("--user", "operator", "--password", PASSWORD)) {
            CollectingSink sink264 = new CollectingSink();
            CollectingSink sink265 = new CollectingSink();
            CameraRecorder h264 = CameraRecorder.rtsp(
                    camera("cam264", server.url("h264", "operator", PASSWORD)).build(), sink264);
            CameraRecorder h265 = CameraRecorder.rtsp(
                    camera("cam265", server.url("h265", "operator", PASSWORD)).build(), sink265);
            long started = System.nanoTime();
            h264.start();
            h265.start();
            Await.millisUntil(() -> sink264.segments().size() >= 2 && sink265.segments().size() >= 2, 40_000,
                    "two closed segments per camera");
            double cpuSeconds = cpuSecondsOfThreads("ingest-");
            double wallSeconds = (System.nanoTime() - started) / 1e9;
            StreamStats stats = h264.snapshot();
            h264.stop();
            h265.stop();
            System.out.printf("ingest CPU: %.1f %% of one core per camera over %.1f s%n",
                    100 * cpuSeconds / wallSeconds / 2, wallSeconds);

            assertThat(stats.fps()).isBetween(20.0, 30.0);
            assertThat(stats.gopFrames()).isEqualTo(25);
            assertThat(stats.bitrateBps()).isGreaterThan(50_000);
            assertThat(stats.lastPacketAgeMs()).isBetween(0L, 1_000L);
            assertThat(stats.segmentsClosed()).isGreaterThanOrEqualTo(2);

            verifyRecording(sink264, h264, VideoCodec.H264);
            verifyRecording(sink265, h265, VideoCodec.H265);
        }
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains(PASSWORD));
    }

    private void verifyRecording(CollectingSink sink, CameraRecorder recorder, VideoCodec codec) throws Exception {
        assertThat(sink.runs()).hasSize(1);
        RunInfo run = sink.runs().get(0);
        assertThat(run.reason()).isEqualTo(RunStartReason.FIRST);
        assertThat(run.codec()).isEqualTo(codec);
        assertThat(run.width()).isEqualTo(640);
        assertThat(run.height()).isEqualTo(360);
        List<ClosedSegment> segments = sink.segments();
        // the last one was closed early by stop()
        assertThat(segments.size()).isGreaterThanOrEqualTo(3);
        long nextStart90k = 0;
        for (int i = 0; i < segments.size(); i++) {
            ClosedSegment s = segments.get(i);
            SegmentChecks.assertValid(s, codec);
            assertThat(s.runId()).isEqualTo(run.runId());
            assertThat(s.mediaStart90k()).as("segments of a run join without a gap").isEqualTo(nextStart90k);
            // the source runs at exactly 25 fps: every 40 ms of media time holds one frame, none missing
            assertThat(s.mediaDuration90k()).isEqualTo(s.frameCount() * 3600L);
            if (i < segments.size() - 1) {
                assertThat(s.mediaDuration90k()).isBetween(8 * 90_000L, 9 * 90_000L);
            }
            nextStart90k += s.mediaDuration90k();
        }
        ClosedSegment first = segments.get(0);
        Fragment middle = first.fragments().get(first.fragments().size() / 2);
        assertThat(middle.keyframe()).isTrue();
        SegmentChecks.assertFragmentPlaysAlone(first, middle, scratch);
        assertThat(recorder.snapshot().bytesRecorded())
                .isEqualTo(segments.stream().mapToLong(ClosedSegment::bytes).sum());
    }

    @Test
    void udpTransportRecordsToo() throws Exception {
        try (GstRtspServer server = GstRtspServer.start()) {
            CollectingSink sink = new CollectingSink();
            CameraRecorder recorder = CameraRecorder.rtsp(camera("udp", server.url("h264"))
                    .transport(Transport.UDP).segmentTarget(Duration.ofSeconds(2)).build(), sink);
            recorder.start();
            try {
                Await.millisUntil(() -> sink.segments().size() >= 2, 20_000, "two segments over UDP");
            } finally {
                recorder.stop();
            }
            for (ClosedSegment s : sink.segments()) {
                SegmentChecks.assertValid(s, VideoCodec.H264);
            }
            assertThat(sink.runs()).hasSize(1);
        }
    }

    @Test
    void hungCameraIsDetectedWithinFiveSecondsAndResumesWithinThreeAsANewRun() throws Exception {
        try (GstRtspServer server = GstRtspServer.start()) {
            CollectingSink sink = new CollectingSink();
            CameraRecorder recorder = CameraRecorder.rtsp(camera("hung", server.url("h264")).build(), sink);
            recorder.start();
            Await.millisUntil(() -> recorder.state().recording(), 15_000, "recording");
            Thread.sleep(3_000);

            server.pause();
            long detectedMs = Await.millisUntil(() -> !recorder.state().recording(), 8_000, "stall detected");
            assertThat(detectedMs).as("stall detection").isLessThanOrEqualTo(5_000);
            assertThat(recorder.state().phase()).isEqualTo(Phase.RECONNECTING);
            assertThat(recorder.state().detail()).startsWith("stalled");
            // a hung camera still accepts TCP connections; the next attempt must time out as unreachable
            Await.millisUntil(() -> "unreachable: no answer within 6000 ms".equals(recorder.state().detail()),
                    12_000, "reconnect attempt timed out");
            Thread.sleep(1_500);

            server.resume();
            long resumedMs = Await.millisUntil(() -> recorder.state().recording() && sink.runs().size() == 2,
                    10_000, "recording resumed");
            System.out.printf("hung camera: detected after %d ms, resumed %d ms after it came back%n", detectedMs,
                    resumedMs);
            assertThat(resumedMs).as("resume after return").isLessThanOrEqualTo(3_000);
            Thread.sleep(1_500);
            recorder.stop();

            RunInfo second = sink.runs().get(1);
            assertThat(second.reason()).isEqualTo(RunStartReason.RECONNECT);
            List<ClosedSegment> firstRun = sink.segments().stream()
                    .filter(s -> s.runId().equals(sink.runs().get(0).runId())).toList();
            assertThat(firstRun).isNotEmpty();
            long firstRunEnd = firstRun.get(firstRun.size() - 1).endWallMs();
            assertThat(second.startWallMs() - firstRunEnd).as("gap between runs, ms").isGreaterThan(5_000);
            for (ClosedSegment s : sink.segments()) {
                SegmentChecks.assertValid(s, VideoCodec.H264);
            }
        }
    }

    @Test
    void cameraThatGoesAwayIsRetriedWithBackoffAndPickedUpWhenBack() throws Exception {
        try (GstRtspServer server = GstRtspServer.start()) {
            CollectingSink sink = new CollectingSink();
            CameraRecorder recorder = CameraRecorder.rtsp(camera("away", server.url("h265")).build(), sink);
            recorder.start();
            Await.millisUntil(() -> recorder.state().recording(), 15_000, "recording");
            Thread.sleep(2_000);

            server.kill();
            long detectedMs = Await.millisUntil(() -> recorder.state().phase() == Phase.RECONNECTING, 8_000,
                    "camera gone");
            assertThat(detectedMs).isLessThanOrEqualTo(5_000);
            Await.millisUntil(() -> recorder.snapshot().reconnects() >= 3, 15_000, "several reconnect attempts");
            assertThat(recorder.state().detail()).isEqualTo("unreachable: connection refused");
            assertThat(recorder.state().retryAtWallMs()).isPositive();

            server.restart();
            long resumedMs = Await.millisUntil(() -> recorder.state().recording() && sink.runs().size() == 2,
                    10_000, "recording resumed");
            System.out.printf("camera away: resumed %d ms after it came back, %d reconnects%n", resumedMs,
                    recorder.snapshot().reconnects());
            assertThat(resumedMs).isLessThanOrEqualTo(3_000);
            recorder.stop();
            assertThat(sink.runs().get(1).reason()).isEqualTo(RunStartReason.RECONNECT);
            for (ClosedSegment s : sink.segments()) {
                SegmentChecks.assertValid(s, VideoCodec.H265);
            }
        }
    }

    private static double cpuSecondsOfThreads(String prefix) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                long cpu = mx.getThreadCpuTime(t.getId());
                nanos += Math.max(cpu, 0);
            }
        }
        return nanos / 1e9;
    }
}
