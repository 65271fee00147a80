package id.pantau.recorder.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import id.pantau.recorder.testing.Ffprobe;
import id.pantau.recorder.virtualcam.ClipRecording;
import id.pantau.recorder.virtualcam.MediaFixtures;
import id.pantau.storage.index.SegmentRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports of real recorded segments (the recorder's own writer, stored in the embedded S3 endpoint, indexed in
 * H2), checked with Debian's ffprobe and ffmpeg against what ffprobe says about the source segments.
 */
class ExportBuilderTest {
    static final long T0 = Instant.parse("2026-11-23T01:00:00Z").toEpochMilli();
    static final ClipRecording.Picture HD = new ClipRecording.Picture(1280, 720);
    /** The test clip's keyframe interval. */
    static final double GOP_SECONDS = 2.0;

    @TempDir
    Path dir;
    ExportFixture fx;

    @BeforeEach
    void start() {
        fx = new ExportFixture(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void rangeAcrossSegmentsAndARunBreakIsOneFaststartMp4WithContinuousTimestamps() throws Exception {
        fx.camera("cam-1");
        fx.record("cam-1", MediaFixtures.shortH264(), HD, T0, 30, 10);
        fx.record("cam-1", MediaFixtures.shortH264(), HD, T0 + 35_000, 20, 10);
        long from = T0 + 3_300;
        long to = T0 + 47_700;
        Path out = dir.resolve("export.mp4");
        AtomicLong lastProgress = new AtomicLong();

        ExportResult r = new ExportBuilder(fx.index, fx.store).export("cam-1", from, to, out,
                (done, total) -> lastProgress.set(done == total ? total : -1));

        List<double[]> source = fx.sourceFrames("cam-1");
        int first = lastKeyframeAtOrBefore(source, from);
        List<double[]> expected = source.stream().filter(f -> f[0] >= source.get(first)[0] && f[0] < to).toList();
        long presented = source.stream().filter(f -> f[0] >= from && f[0] < to).count();

        assertThat(ExportFixture.topLevelBoxes(out)).as("movie box first").containsExactly("ftyp", "moov", "free",
                "mdat");
        assertThat(ProbedPacket.entry(out, "stream", "codec_name")).isEqualTo("h264");
        assertThat(ProbedPacket.entry(out, "stream", "codec_tag_string")).isEqualTo("avc1");
        List<ProbedPacket> packets = ProbedPacket.of(out);
        assertThat(packets).as("every source frame from the keyframe before from up to to").hasSize(expected.size());
        assertThat(r.frames()).isEqualTo(expected.size());
        assertThat(packets.get(0).keyframe()).as("keyframe first").isTrue();
        assertThat(r.firstFrameWallMs()).isEqualTo(Math.round(source.get(first)[0]));
        assertThat(r.firstFrameWallMs()).isBetween(from - (long) (GOP_SECONDS * 1000), from);
        for (int i = 1; i < packets.size(); i++) {
            assertThat(packets.get(i).dtsSeconds() - packets.get(i - 1).dtsSeconds())
                    .as("decode time step before packet %d (segment boundaries at 8, 18 s, run break at 28 s)", i)
                    .isCloseTo(0.04, within(1e-6));
        }

        assertThat(r.discontinuities()).hasSize(1);
        ExportResult.Discontinuity runBreak = r.discontinuities().get(0);
        assertThat(runBreak.newRun()).isTrue();
        assertThat(runBreak.gapMs()).isEqualTo(5_000);
        assertThat(runBreak.exportSeconds()).isCloseTo(28.0, within(1e-9));
        double duration = Double.parseDouble(ProbedPacket.entry(out, "format", "duration"));
        assertThat(duration).as("presented duration: the range less the gap, within one GOP")
                .isCloseTo((to - from - runBreak.gapMs()) / 1000.0, within(GOP_SECONDS));
        assertThat(Ffprobe.decodedFrames(out)).as("frames decoded without error and presented from 'from'")
                .isCloseTo((int) presented, within(1));

        List<SegmentRow> rows = fx.index.segments("cam-1", "main", from, to);
        assertThat(r.sources()).extracting(ExportResult.SourceSegment::objectKey)
                .containsExactlyElementsOf(rows.stream().map(SegmentRow::objectKey).toList());
        assertThat(r.sources()).extracting(ExportResult.SourceSegment::sha256)
                .containsExactlyElementsOf(rows.stream().map(SegmentRow::sha256).toList());
        assertThat(r.sources().stream().mapToInt(ExportResult.SourceSegment::framesUsed).sum()).isEqualTo(r.frames());
        assertThat(r.bytes()).isEqualTo(Files.size(out));
        assertThat(lastProgress.get()).as("progress reached the total").isPositive();
    }

    @Test
    void sameRangeGivesTheSameBytesAndOneRunHasNoDiscontinuity() throws Exception {
        fx.camera("cam-2");
        fx.record("cam-2", MediaFixtures.shortH264(), HD, T0, 24, 8);
        long from = T0 + 5_000;
        long to = T0 + 21_000;
        ExportBuilder builder = new ExportBuilder(fx.index, fx.store);

        ExportResult a = builder.export("cam-2", from, to, dir.resolve("a.mp4"), ExportProgress.NONE);
        ExportResult b = builder.export("cam-2", from, to, dir.resolve("b.mp4"), ExportProgress.NONE);

        assertThat(sha256(a.file())).isEqualTo(sha256(b.file()));
        assertThat(a.discontinuities()).isEmpty();
        double duration = Double.parseDouble(ProbedPacket.entry(a.file(), "format", "duration"));
        assertThat(duration).isCloseTo((to - from) / 1000.0, within(GOP_SECONDS));
        assertThat(a.frames()).isEqualTo(ProbedPacket.of(a.file()).size());
    }

    @Test
    void h265IsExportedAsHvc1() throws Exception {
        fx.camera("cam-3");
        fx.record("cam-3", MediaFixtures.mainH265(), HD, T0, 12, 4);
        Path out = dir.resolve("hevc.mp4");

        ExportResult r = new ExportBuilder(fx.index, fx.store).export("cam-3", T0 + 1_000, T0 + 9_000, out,
                ExportProgress.NONE);

        assertThat(r.sampleEntry()).isEqualTo("hvc1");
        assertThat(ProbedPacket.entry(out, "stream", "codec_name")).isEqualTo("hevc");
        List<ProbedPacket> packets = ProbedPacket.of(out);
        assertThat(packets).hasSize(r.frames());
        assertThat(packets.get(0).keyframe()).isTrue();
        // keyframes every 2 s: the one at 0 s starts the file, frames up to 9 s
        assertThat(r.frames()).isEqualTo(9 * 25);
        assertThat(Ffprobe.decodedFrames(out)).isCloseTo(8 * 25, within(1));
    }

    @Test
    void aSegmentThatNoLongerMatchesTheIndexStopsTheExport() throws Exception {
        fx.camera("cam-4");
        fx.record("cam-4", MediaFixtures.shortH264(), HD, T0, 12, 6);
        SegmentRow second = fx.index.segments("cam-4", "main", 0, Long.MAX_VALUE).get(1);
        Path replaced = fx.download(second);
        byte[] bytes = Files.readAllBytes(replaced);
        bytes[bytes.length - 100] ^= 1;
        Files.write(replaced, bytes);
        fx.store.put(second.objectKey(), replaced, sha256(replaced), Map.of());

        assertThatThrownBy(() -> new ExportBuilder(fx.index, fx.store).export("cam-4", T0, T0 + 12_000,
                dir.resolve("x.mp4"), ExportProgress.NONE))
                .isInstanceOf(SourceMismatchException.class).hasMessageContaining(second.objectKey());
    }

    @Test
    void aRangeWithoutRecordingsIsEmpty() throws Exception {
        fx.camera("cam-5");
        fx.record("cam-5", MediaFixtures.shortH264(), HD, T0, 4, 4);
        Path out = dir.resolve("none.mp4");

        ExportResult r = new ExportBuilder(fx.index, fx.store).export("cam-5", T0 + 60_000, T0 + 120_000, out,
                ExportProgress.NONE);

        assertThat(r.empty()).isTrue();
        assertThat(out).doesNotExist();
    }

    private static int lastKeyframeAtOrBefore(List<double[]> frames, long wallMs) {
        int found = -1;
        for (int i = 0; i < frames.size() && frames.get(i)[0] <= wallMs; i++) {
            if (frames.get(i)[1] == 1) {
                found = i;
            }
        }
        return found;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
