package id.pantau.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.segment.ClosedSegment;
import id.pantau.recorder.segment.RecoveredSegment;
import id.pantau.recorder.segment.SpoolRepair;
import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.testing.GstRtspServer;
import id.pantau.recorder.testing.SegmentChecks;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a recorder JVM in the middle of a segment, then repair of its spool as a restart would do it. */
class RecorderCrashTest {

    @TempDir
    Path spool;

    @Test
    void killedRecorderLosesAtMostTwoSecondsAndItsPartialFileIsRepaired() throws Exception {
        try (GstRtspServer server = GstRtspServer.start()) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir"),
                    "-cp", System.getProperty("java.class.path"),
                    CrashingRecorderMain.class.getName(), server.url("h264"), spool.toString()));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (java.io.IOException ignored) {
                    // child killed
                }
            });
            reader.setDaemon(true);
            reader.start();
            long killWallMs;
            try {
                // one closed 4 s segment, then kill in the middle of the second (about 2.5 s into it)
                long deadline = System.currentTimeMillis() + 30_000;
                while (lines.stream().noneMatch(l -> l.startsWith("CLOSED"))) {
                    assertThat(System.currentTimeMillis()).as("first segment closed; child said: %s", lines)
                            .isLessThan(deadline);
                    Thread.sleep(50);
                }
                Thread.sleep(2_500);
            } finally {
                killWallMs = System.currentTimeMillis();
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }

            List<RecoveredSegment> recovered = SpoolRepair.recoverAll(spool);
            assertThat(recovered).hasSize(2);
            recovered.sort(Comparator.comparingLong(r -> r.segment().startWallMs()));
            assertThat(recovered.get(0).bytesCut()).as("the closed segment is intact").isZero();
            for (RecoveredSegment r : recovered) {
                SegmentChecks.assertValid(r.segment(), VideoCodec.H264);
            }
            ClosedSegment first = recovered.get(0).segment();
            ClosedSegment last = recovered.get(1).segment();
            assertThat(last.mediaStart90k()).as("the two segments join").isEqualTo(first.mediaDuration90k());
            long lostMs = killWallMs - last.endWallMs();
            System.out.printf("kill -9: %d ms of video lost, %d bytes of partial fragment cut%n", lostMs,
                    recovered.get(1).bytesCut());
            assertThat(lostMs).as("video lost to the crash, ms").isLessThanOrEqualTo(2_000);
        }
    }
}
