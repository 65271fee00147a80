package id.pantau.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import id.pantau.recorder.ingest.CameraState.Phase;
import id.pantau.recorder.segment.ClosedSegment;
import id.pantau.recorder.segment.RunStartReason;
import id.pantau.recorder.segment.SpoolFile;
import id.pantau.recorder.segment.SpoolFiles;
import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.testing.Await;
import id.pantau.recorder.testing.CollectingSink;
import id.pantau.recorder.testing.GstRtspServer;
import id.pantau.recorder.testing.SegmentChecks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One camera's spool fills up while another camera records beside it from the same RTSP server. */
class SpoolDiskFullTest {

    @TempDir
    Path spoolA;
    @TempDir
    Path spoolB;

    private final AtomicBoolean diskFull = new AtomicBoolean();

    /** The real spool, except that every write fails while {@link #diskFull} is set. */
    private SpoolFiles fillableSpool() throws IOException {
        SpoolFiles real = SpoolFiles.nio();
        SpoolFiles files = mock(SpoolFiles.class, delegatesTo(real));
        doAnswer(inv -> {
            SpoolFile file = real.create(inv.getArgument(0));
            SpoolFile failing = mock(SpoolFile.class, delegatesTo(file));
            doAnswer(w -> {
                if (diskFull.get()) {
                    throw new IOException("No space left on device");
                }
                file.write(w.getArgument(0));
                return null;
            }).when(failing).write(any(ByteBuffer.class));
            return failing;
        }).when(files).create(any(Path.class));
        doAnswer(inv -> {
            if (diskFull.get()) {
                throw new IOException("No space left on device");
            }
            real.writeDurably(inv.getArgument(0), inv.getArgument(1));
            return null;
        }).when(files).writeDurably(any(Path.class), any(byte[].class));
        return files;
    }

    @Test
    void fullSpoolPutsOnlyThatCameraInErrorAndItRecoversWhenSpaceReturns() throws Exception {
        try (GstRtspServer server = GstRtspServer.start()) {
            CollectingSink sinkA = new CollectingSink();
            CollectingSink sinkB = new CollectingSink();
            CameraRecorder a = new CameraRecorder(config("camA", server, spoolA), Ingest.NETTY.opener(),
                    fillableSpool(), sinkA, Clock.systemUTC(), new RtspDescribeProbe(), new Random(1));
            CameraRecorder b = new CameraRecorder(config("camB", server, spoolB), Ingest.NETTY.opener(),
                    SpoolFiles.nio(), sinkB, Clock.systemUTC(), new RtspDescribeProbe(), new Random(2));
            a.start();
            b.start();
            try {
                Await.millisUntil(() -> a.state().recording() && b.state().recording(), 15_000, "both recording");
                Thread.sleep(2_500);

                diskFull.set(true);
                long failedMs = Await.millisUntil(() -> a.state().phase() == Phase.ERROR, 5_000, "camera A in ERROR");
                assertThat(a.state().detail()).isEqualTo("spool disk full: " + spoolA);
                System.out.printf("disk full noticed after %d ms%n", failedMs);
                // what was durable before the disk filled is handed over, cut to its last complete fragment
                assertThat(sinkA.segments()).isNotEmpty();
                assertThat(sinkA.endedRuns()).hasSize(1);

                int closedB = sinkB.segments().size();
                Await.millisUntil(() -> sinkB.segments().size() >= closedB + 2, 10_000, "camera B still closing segments");
                assertThat(b.state().phase()).isEqualTo(Phase.RECORDING);
                assertThat(sinkB.runs()).hasSize(1);

                diskFull.set(false);
                Await.millisUntil(() -> a.state().recording(), 10_000, "camera A recording again");
                // each retry while the disk was still full announced a run that got no segment; recording
                // resumes as a RECONNECT run
                assertThat(sinkA.runs().get(0).reason()).isEqualTo(RunStartReason.FIRST);
                assertThat(sinkA.runs().subList(1, sinkA.runs().size())).isNotEmpty()
                        .allSatisfy(r -> assertThat(r.reason()).isEqualTo(RunStartReason.RECONNECT));
                Thread.sleep(1_000);
            } finally {
                a.stop();
                b.stop();
            }
            for (ClosedSegment s : sinkA.segments()) {
                SegmentChecks.assertValid(s, VideoCodec.H264);
            }
            for (ClosedSegment s : sinkB.segments()) {
                SegmentChecks.assertValid(s, VideoCodec.H264);
            }
            assertThat(b.snapshot().segmentsClosed()).isEqualTo(sinkB.segments().size());
        }
    }

    private static CameraConfig config(String id, GstRtspServer server, Path spool) {
        return CameraConfig.builder(id, "main", server.url("h264"), spool)
                .segmentTarget(Duration.ofSeconds(2))
                .errorRetry(Duration.ofSeconds(2))
                .build();
    }
}
