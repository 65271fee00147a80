package id.pantau.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.segment.ClosedSegment;
import id.pantau.recorder.segment.Fragment;
import id.pantau.recorder.segment.FragmentIndexCodec;
import id.pantau.recorder.segment.Mp4Layout;
import id.pantau.recorder.segment.RunInfo;
import id.pantau.recorder.segment.SpoolFiles;
import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.testing.CollectingSink;
import id.pantau.recorder.testing.Ffprobe;
import id.pantau.recorder.testing.TestMedia;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Remuxes real encoded clips (read through FFmpeg as a camera stream would be) into spool segments. */
class FileIngestTest {

    @TempDir
    Path spool;

    @ParameterizedTest
    @CsvSource({"h264, H264, avc1", "h265, H265, hvc1"})
    void clipBecomesKeyframeAlignedSegmentsThatJoinWithoutLoss(String codec, VideoCodec expected, String tag)
            throws Exception {
        Path clip = TestMedia.transportStream(codec, 640, 360, 12, 25);
        CameraConfig config = CameraConfig.builder("cam1", "main", clip.toString(), spool)
                .segmentTarget(Duration.ofSeconds(4)).build();
        CollectingSink sink = new CollectingSink();
        Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

        IngestFailure end = IngestHarness.recordToEnd(config, new JavaCvStreamOpener(), SpoolFiles.nio(), sink, clock);

        assertThat(end.kind()).isEqualTo(IngestFailure.Kind.ENDED);
        assertThat(sink.runs()).hasSize(1);
        RunInfo run = sink.runs().get(0);
        assertThat(run.codec()).isEqualTo(expected);
        assertThat(run.width()).isEqualTo(640);
        assertThat(run.height()).isEqualTo(360);
        List<ClosedSegment> segments = sink.segments();
        assertThat(segments).hasSize(3);
        int totalFrames = 0;
        long expectedMediaStart = 0;
        for (ClosedSegment s : segments) {
            assertThat(s.runId()).isEqualTo(run.runId());
            assertThat(s.mediaStart90k()).isEqualTo(expectedMediaStart);
            assertThat(s.startWallMs()).isEqualTo(run.startWallMs() + s.mediaStart90k() / 90);
            expectedMediaStart += s.mediaDuration90k();
            assertThat(s.mediaDuration90k()).isEqualTo(s.frameCount() * 3600L);
            assertThat(Files.size(s.file())).isEqualTo(s.bytes());
            assertThat(s.sha256Hex()).isEqualTo(sha256(s.file()));

            Ffprobe.StreamDescription d = Ffprobe.stream(s.file());
            assertThat(d.codecName()).isEqualTo(expected.ffmpegName());
            assertThat(d.codecTag()).isEqualTo(tag);
            List<Ffprobe.Packet> packets = Ffprobe.packets(s.file());
            assertThat(packets).hasSize(s.frameCount());
            assertThat(packets.get(0).keyframe()).isTrue();
            assertThat(packets.get(0).dts()).isZero();
            assertThat(Ffprobe.decodedFrames(s.file())).isEqualTo(s.frameCount());

            // the writer's index and the file's own boxes agree exactly
            try (FileChannel ch = FileChannel.open(s.file(), StandardOpenOption.READ)) {
                Mp4Layout layout = Mp4Layout.read(ch);
                assertThat(layout.fragments()).isEqualTo(s.fragments());
                assertThat(layout.validLength()).isEqualTo(s.bytes());
            }
            assertThat(FragmentIndexCodec.decode(s.fragmentIndex())).isEqualTo(s.fragments());
            for (Fragment f : s.fragments()) {
                assertThat(f.duration90k()).isLessThanOrEqualTo(90_000);
            }
            assertThat(s.fragments().get(0).keyframe()).isTrue();
            totalFrames += s.frameCount();
        }
        // 12 s at 25 fps, GOP of 1 s: every frame lands in exactly one segment
        assertThat(totalFrames).isEqualTo(300);
    }

    @org.junit.jupiter.api.Test
    void aReaderBehindTheCameraAnchorsTheRunWhereItsFirstKeyframeArrived() throws Exception {
        Path clip = TestMedia.transportStream("h264", 320, 240, 4, 25);
        CameraConfig config = CameraConfig.builder("late", "main", clip.toString(), spool).build();
        CollectingSink sink = new CollectingSink();
        Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        // the camera has already sent 2.5 s more than the reader took when it reaches the first keyframe
        StreamOpener behind = camera -> new BehindSource(new JavaCvStreamOpener().open(camera), 225_000);

        IngestHarness.recordToEnd(config, behind, SpoolFiles.nio(), sink, clock);

        assertThat(sink.runs()).hasSize(1);
        assertThat(sink.runs().get(0).startWallMs()).isEqualTo(clock.millis() - 2_500);
        assertThat(sink.segments().get(0).startWallMs()).isEqualTo(clock.millis() - 2_500);
    }

    /** Reports packets as arrived {@code ahead90k} before the reader gets to them. */
    private static final class BehindSource implements PacketSource {
        private final PacketSource source;
        private final long ahead90k;
        private volatile long lastReadDts90k = Long.MIN_VALUE;

        BehindSource(PacketSource source, long ahead90k) {
            this.source = source;
            this.ahead90k = ahead90k;
        }

        @Override
        public StreamInfo info() {
            return source.info();
        }

        @Override
        public MediaPacket read() throws IngestFailure {
            MediaPacket packet = source.read();
            lastReadDts90k = packet.dts90k();
            return packet;
        }

        @Override
        public long newestArrivedDts90k() {
            // the assembler holds one packet back, so the keyframe being started is one frame before the last read
            return lastReadDts90k == Long.MIN_VALUE ? Long.MIN_VALUE : lastReadDts90k - 3600 + ahead90k;
        }

        @Override
        public void abort() {
            source.abort();
        }

        @Override
        public void close() {
            source.close();
        }
    }

    static String sha256(Path file) throws Exception {
        var digest = java.security.MessageDigest.getInstance("SHA-256");
        return java.util.HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    }
}
