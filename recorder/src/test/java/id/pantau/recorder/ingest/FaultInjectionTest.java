package id.pantau.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.ingest.CameraState.Phase;
import id.pantau.recorder.segment.ClosedSegment;
import id.pantau.recorder.segment.RunInfo;
import id.pantau.recorder.segment.RunStartReason;
import id.pantau.recorder.segment.SpoolFiles;
import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.testing.Await;
import id.pantau.recorder.testing.CollectingSink;
import id.pantau.recorder.testing.SegmentChecks;
import id.pantau.recorder.testing.TestMedia;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cameras with broken clocks, changing codecs, garbage and no keyframes, fed from real encoded packets. */
class FaultInjectionTest {

    @TempDir
    Path spool;

    static Path clip;

    @BeforeAll
    static void media() throws Exception {
        clip = TestMedia.transportStream("h264", 320, 240, 8, 25);
    }

    private CameraConfig.Builder camera(String id) {
        return CameraConfig.builder(id, "main", "scripted:" + id, spool).segmentTarget(Duration.ofSeconds(3));
    }

    private CollectingSink record(CameraConfig config, ScriptedOpener opener) throws Exception {
        CollectingSink sink = new CollectingSink();
        IngestFailure end = IngestHarness.recordToEnd(config, opener, SpoolFiles.nio(), sink, Clock.systemUTC());
        assertThat(end.kind()).isEqualTo(IngestFailure.Kind.ENDED);
        for (ClosedSegment s : sink.segments()) {
            SegmentChecks.assertValid(s, VideoCodec.H264);
        }
        return sink;
    }

    @Test
    void timestampsGoingBackwardsStartANewRunAndLoseNothing() throws Exception {
        // from frame 100 (a keyframe) on, the camera's clock is 10 s behind
        ScriptedOpener opener = new ScriptedOpener(List.of(clip), 1, 0, (i, p) -> List.of(i < 100 ? p
                : new MediaPacket(p.dts90k() - 900_000, p.pts90k() - 900_000, p.keyframe(), p.data())));
        CollectingSink sink = record(camera("back").build(), opener);
        assertThat(sink.runs()).extracting(RunInfo::reason)
                .containsExactly(RunStartReason.FIRST, RunStartReason.TIMESTAMP_BACKWARDS);
        assertThat(sink.segments().stream().mapToInt(ClosedSegment::frameCount).sum()).isEqualTo(200);
        assertThat(sink.endedRuns()).hasSize(2);
    }

    @Test
    void forwardJumpBeyondTheBoundStartsANewRunAtTheNextKeyframe() throws Exception {
        // at frame 110 (mid-GOP) the clock leaps 30 s ahead; frames up to the next keyframe (125) cannot start a run
        ScriptedOpener opener = new ScriptedOpener(List.of(clip), 1, 0, (i, p) -> List.of(i < 110 ? p
                : new MediaPacket(p.dts90k() + 2_700_000, p.pts90k() + 2_700_000, p.keyframe(), p.data())));
        CollectingSink sink = record(camera("fwd").build(), opener);
        assertThat(sink.runs()).extracting(RunInfo::reason)
                .containsExactly(RunStartReason.FIRST, RunStartReason.TIMESTAMP_JUMP_FORWARD);
        assertThat(sink.segments().stream().mapToInt(ClosedSegment::frameCount).sum()).isEqualTo(200 - 15);
    }

    @Test
    void aSmallForwardGapWithinTheBoundStaysInTheRun() throws Exception {
        // 2 s of frames lost in transit: same run, one long frame
        ScriptedOpener opener = new ScriptedOpener(List.of(clip), 1, 0,
                (i, p) -> i >= 60 && i < 110 ? List.of() : List.of(p));
        CollectingSink sink = record(camera("gap").build(), opener);
        assertThat(sink.runs()).hasSize(1);
        assertThat(sink.segments().stream().mapToLong(ClosedSegment::mediaDuration90k).sum())
                .isEqualTo(200 * 3600L);
    }

    @Test
    void changedCodecParametersStartANewRunWithTheNewPictureSize() throws Exception {
        Path small = TestMedia.transportStream("h264", 160, 120, 4, 25);
        ScriptedOpener opener = new ScriptedOpener(List.of(clip, small), 1, 0, ScriptedOpener.CLEAN);
        CollectingSink sink = record(camera("codec").build(), opener);
        assertThat(sink.runs()).extracting(RunInfo::reason)
                .containsExactly(RunStartReason.FIRST, RunStartReason.CODEC_CHANGED);
        assertThat(sink.runs()).extracting(RunInfo::width).containsExactly(320, 160);
        assertThat(sink.runs()).extracting(RunInfo::height).containsExactly(240, 120);
        assertThat(sink.segments().stream().mapToInt(ClosedSegment::frameCount).sum()).isEqualTo(200 + 100);
    }

    @Test
    void misbehavingCamerasGetClearErrorsWhileAHealthyOneKeepsRecording() throws Exception {
        Random random = new Random(7);
        // every 20th frame jumps back 2 s: runs break over and over
        ScriptedOpener chronic = new ScriptedOpener(List.of(clip), 0, 4, (i, p) -> List.of(i % 20 != 19 ? p
                : new MediaPacket(p.dts90k() - 180_000, p.pts90k() - 180_000, p.keyframe(), p.data())));
        // after 2 s the camera sends random bytes
        ScriptedOpener garbage = new ScriptedOpener(List.of(clip), 0, 4, (i, p) -> {
            if (i < 50) {
                return List.of(p);
            }
            byte[] noise = new byte[p.data().length];
            random.nextBytes(noise);
            return List.of(new MediaPacket(p.dts90k(), p.pts90k(), p.keyframe(), noise));
        });
        // after the first second no frame is flagged as a keyframe any more (the pictures stay decodable)
        ScriptedOpener noKeyframes = new ScriptedOpener(List.of(clip), 0, 4, (i, p) -> List.of(i < 25 ? p
                : new MediaPacket(p.dts90k(), p.pts90k(), false, p.data())));
        ScriptedOpener healthy = new ScriptedOpener(List.of(clip), 0, 2, ScriptedOpener.CLEAN);

        CollectingSink healthySink = new CollectingSink();
        CollectingSink chronicSink = new CollectingSink();
        CollectingSink garbageSink = new CollectingSink();
        CollectingSink noKeySink = new CollectingSink();
        Duration longRetry = Duration.ofMinutes(5);
        List<CameraRecorder> recorders = List.of(
                recorder(camera("healthy").build(), healthy, healthySink),
                recorder(camera("chronic").errorRetry(longRetry).build(), chronic, chronicSink),
                recorder(camera("garbage").errorRetry(longRetry).build(), garbage, garbageSink),
                recorder(camera("nokey").errorRetry(longRetry).noKeyframeTimeout(Duration.ofSeconds(3)).build(),
                        noKeyframes, noKeySink));
        recorders.forEach(CameraRecorder::start);
        try {
            CameraRecorder chronicCam = recorders.get(1);
            CameraRecorder garbageCam = recorders.get(2);
            CameraRecorder noKeyCam = recorders.get(3);
            Await.millisUntil(() -> chronicCam.state().phase() == Phase.ERROR
                    && garbageCam.state().phase() == Phase.ERROR && noKeyCam.state().phase() == Phase.ERROR,
                    20_000, "three cameras in ERROR");
            assertThat(chronicCam.state().detail()).startsWith("non-monotonic timestamps");
            assertThat(garbageCam.state().detail()).isEqualTo("malformed stream: 26 unparseable packets in a row");
            assertThat(noKeyCam.state().detail()).isEqualTo("no keyframe for 3 s");
            assertThat(chronicSink.runs().size()).isGreaterThan(5);

            CameraRecorder healthyCam = recorders.get(0);
            int closedBefore = healthySink.segments().size();
            Await.millisUntil(() -> healthySink.segments().size() >= closedBefore + 1, 10_000,
                    "healthy camera keeps closing segments");
            assertThat(healthyCam.state().phase()).isEqualTo(Phase.RECORDING);
            assertThat(healthySink.runs()).hasSize(1);
        } finally {
            recorders.forEach(CameraRecorder::stop);
        }
        for (CollectingSink sink : List.of(healthySink, chronicSink, garbageSink, noKeySink)) {
            for (ClosedSegment s : sink.segments()) {
                SegmentChecks.assertValid(s, VideoCodec.H264);
            }
        }
        assertThat(garbageSink.segments()).isNotEmpty();
        assertThat(noKeySink.segments()).isNotEmpty();
    }

    private static CameraRecorder recorder(CameraConfig config, ScriptedOpener opener, CollectingSink sink) {
        return new CameraRecorder(config, opener, SpoolFiles.nio(), sink, Clock.systemUTC(), CameraProbe.NONE,
                new Random(1));
    }
}
