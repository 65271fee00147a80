package id.pantau.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.segment.ClosedSegment;
import id.pantau.recorder.segment.Fragment;
import id.pantau.recorder.segment.RecoveredSegment;
import id.pantau.recorder.segment.SegmentSidecar;
import id.pantau.recorder.segment.SpoolFiles;
import id.pantau.recorder.segment.SpoolRepair;
import id.pantau.recorder.testing.CollectingSink;
import id.pantau.recorder.testing.Ffprobe;
import id.pantau.recorder.testing.SegmentChecks;
import id.pantau.recorder.testing.TestMedia;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cuts a real segment at many byte positions, as a crash would, and repairs it. */
class SpoolRepairTest {

    @TempDir
    Path spool;
    @TempDir
    Path work;

    private ClosedSegment original;

    @BeforeEach
    void recordOneSegment() throws Exception {
        // GOP of 2 s: half the 1 s fragments start with a keyframe, half do not
        Path clip = TestMedia.transportStream("h264", 320, 240, 6, 50);
        CameraConfig config = CameraConfig.builder("cam1", "main", clip.toString(), spool)
                .segmentTarget(Duration.ofSeconds(30)).build();
        CollectingSink sink = new CollectingSink();
        IngestHarness.recordToEnd(config, new JavaCvStreamOpener(), SpoolFiles.nio(), sink,
                Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));
        assertThat(sink.segments()).hasSize(1);
        original = sink.segments().get(0);
        assertThat(original.fragments()).hasSize(6);
        assertThat(original.fragments()).extracting(Fragment::keyframe)
                .containsExactly(true, false, true, false, true, false);
    }

    @Test
    void intactFileIsDescribedExactlyAsTheWriterDid() throws Exception {
        RecoveredSegment r = SpoolRepair.repair(original.file()).orElseThrow();
        assertThat(r.bytesCut()).isZero();
        assertThat(r.segment()).isEqualTo(original);
        assertThat(r.run().cameraId()).isEqualTo("cam1");
        assertThat(r.run().runId()).isEqualTo(original.runId());
    }

    @Test
    void truncatedFilesAreCutToTheLastCompleteFragment() throws Exception {
        long length = original.bytes();
        TreeSet<Long> cuts = new TreeSet<>(List.of(1L, 8L, original.initLength() - 1, original.initLength(),
                original.initLength() + 9, length - 1));
        for (Fragment f : original.fragments()) {
            cuts.add(f.endOffset());
            cuts.add(f.endOffset() - 1);
            cuts.add(f.offset() + 100);
        }
        Random random = new Random(20250301);
        for (int i = 0; i < 12; i++) {
            cuts.add(1 + (long) random.nextInt((int) length - 1));
        }
        int n = 0;
        for (long cut : cuts) {
            Path copy = copyTruncated(cut, n++);
            Optional<RecoveredSegment> repaired = SpoolRepair.repair(copy);
            List<Fragment> complete = original.fragments().stream().filter(f -> f.endOffset() <= cut).toList();
            if (complete.isEmpty()) {
                assertThat(repaired).as("cut at %d", cut).isEmpty();
                continue;
            }
            ClosedSegment s = repaired.orElseThrow().segment();
            long keep = complete.get(complete.size() - 1).endOffset();
            assertThat(s.fragments()).as("cut at %d", cut).isEqualTo(complete);
            assertThat(Files.size(copy)).isEqualTo(keep);
            assertThat(repaired.get().bytesCut()).isEqualTo(cut - keep);
            assertThat(s.bytes()).isEqualTo(keep);
            assertThat(s.frameCount()).isEqualTo(complete.stream().mapToInt(Fragment::frameCount).sum());
            assertThat(s.startWallMs()).isEqualTo(original.startWallMs());
            assertThat(s.sha256Hex()).isEqualTo(SegmentChecks.sha256(copy));
            List<Ffprobe.Packet> packets = Ffprobe.packets(copy);
            assertThat(packets).hasSize(s.frameCount());
            assertThat(packets.get(0).keyframe()).isTrue();
            assertThat(Ffprobe.decodedFrames(copy)).isEqualTo(s.frameCount());
        }
    }

    @Test
    void recoverAllKeepsUsableFilesAndDeletesEmptyOnes() throws Exception {
        Path dir = work.resolve("spool");
        Files.createDirectories(dir.resolve("cam1/main"));
        Path intact = copyTo(dir.resolve("cam1/main/a.mp4"), original.bytes());
        Path partial = copyTo(dir.resolve("cam1/main/b.mp4"), original.fragments().get(2).offset() + 50);
        Path empty = copyTo(dir.resolve("cam1/main/c.mp4"), original.initLength() + 20);

        List<RecoveredSegment> recovered = SpoolRepair.recoverAll(dir);

        assertThat(recovered).extracting(r -> r.segment().file()).containsExactly(intact, partial);
        assertThat(recovered.get(1).segment().fragments()).hasSize(2);
        assertThat(empty).doesNotExist();
        assertThat(SegmentSidecar.pathFor(empty)).doesNotExist();
    }

    private Path copyTruncated(long length, int n) throws Exception {
        return copyTo(work.resolve("cut-" + n + ".mp4"), length);
    }

    private Path copyTo(Path target, long length) throws Exception {
        Files.copy(original.file(), target);
        Files.copy(SegmentSidecar.pathFor(original.file()), SegmentSidecar.pathFor(target));
        try (RandomAccessFile f = new RandomAccessFile(target.toFile(), "rw")) {
            f.setLength(length);
        }
        return target;
    }
}
