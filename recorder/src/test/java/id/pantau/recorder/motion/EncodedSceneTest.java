package id.pantau.recorder.motion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import id.pantau.recorder.ingest.CameraConfig;
import id.pantau.recorder.ingest.IngestFailure;
import id.pantau.recorder.ingest.JavaCvStreamOpener;
import id.pantau.recorder.ingest.PacketSource;
import id.pantau.recorder.testing.Ffprobe;
import id.pantau.recorder.virtualcam.TestMedia;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Generated scenes encoded to H.264 with the FFmpeg bundled in JavaCV, then read and decoded through the real
 * path (FFmpeg demuxer, access units, avcodec decoder, luma downscale, detector, tracker), as a sub-stream would be.
 */
class EncodedSceneTest {
    static final int FPS = 25;
    static final double SECONDS = 32;
    static final Path DIR = Path.of("target", "test-media");

    @ParameterizedTest
    @EnumSource(value = SyntheticScene.Kind.class, names = {"PERSON", "LIGHT_SWITCH"})
    void encodedSceneIsDetectedLikeTheGeneratedOne(SyntheticScene.Kind kind) throws Exception {
        Path clip = encode(kind, 1);
        Ffprobe.StreamDescription stream = Ffprobe.stream(clip);
        assertThat(stream.codecName()).isEqualTo("h264");
        assertThat(stream.width()).isEqualTo(SyntheticScene.WIDTH);

        CollectingListener events = new CollectingListener();
        long packets = 0;
        AnalyserStats stats;
        try (CameraAnalyser analyser = new CameraAnalyser("encoded", new DetectorConfig(60, 0.002, List.of()),
                AnalysisSettings.DEFAULT, EventTiming.DEFAULT, false, FrameTimes.fromMedia(0), () -> 0, events);
             PacketSource source = new JavaCvStreamOpener().open(
                     CameraConfig.builder("encoded", "sub", clip.toString(), DIR).build())) {
            analyser.formatChanged(source.info());
            try {
                while (true) {
                    analyser.accept(source.read());
                    packets++;
                }
            } catch (IngestFailure end) {
                assertThat(end.kind()).isEqualTo(IngestFailure.Kind.ENDED);
            }
            stats = analyser.stats();
        }
        // every frame decoded (less the one still in the assembler), one in five analysed
        assertThat(packets).isEqualTo((long) (SECONDS * FPS));
        assertThat(stats.decoded()).isBetween(packets - 2, packets);
        assertThat(stats.analysed()).isBetween((long) (SECONDS * 5) - 2, (long) (SECONDS * 5));

        List<double[]> truth = new ArrayList<>();
        try (SyntheticScene scene = new SyntheticScene(kind, 1)) {
            scene.truth().stream().filter(t -> t.startSeconds() < SECONDS)
                    .forEach(t -> truth.add(new double[] {t.startSeconds(), Math.min(t.endSeconds(), SECONDS)}));
        }
        List<double[]> detected = events.intervals((long) (SECONDS * 1000)).stream()
                .map(e -> new double[] {e[0] / 1000.0, e[1] / 1000.0}).toList();
        AccuracyTable.Row r = new AccuracyTable().score(kind.name(), truth, detected);
        assertThat(r.truths).isPositive();
        assertThat(r.precision()).as("precision").isEqualTo(1.0);
        assertThat(r.recall()).as("recall").isEqualTo(1.0);
        assertThat(r.maxStartErrorSeconds).as("start error, s").isLessThanOrEqualTo(1.0);

        byte[] jpeg = events.started.get(0).snapshotJpeg();
        try (BytePointer bytes = new BytePointer(jpeg); Mat buffer = new Mat(1, jpeg.length,
                org.bytedeco.opencv.global.opencv_core.CV_8UC1, bytes); Mat decoded = imdecode(buffer, IMREAD_UNCHANGED)) {
            assertThat(decoded.cols()).isEqualTo(640);
            assertThat(decoded.rows()).isEqualTo(360);
            assertThat(decoded.channels()).as("a colour snapshot").isEqualTo(3);
        }
    }

    /** The scene at 25 fps as MPEG-TS H.264 (keyframe every 2 s, no B-frames, like a camera's sub-stream). */
    static Path encode(SyntheticScene.Kind kind, long seed) throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        Path file = DIR.resolve("scene-" + kind.name().toLowerCase() + "-" + seed + ".ts").toAbsolutePath();
        if (Files.exists(file)) {
            return file;
        }
        Path tmp = Path.of(file + ".tmp.ts");
        Process ffmpeg = new ProcessBuilder(TestMedia.ffmpegExecutable(), "-hide_banner", "-loglevel", "error", "-y",
                "-f", "rawvideo", "-pix_fmt", "gray", "-s", SyntheticScene.WIDTH + "x" + SyntheticScene.HEIGHT,
                "-r", String.valueOf(FPS), "-i", "-", "-c:v", "libx264", "-preset", "veryfast", "-g", "50",
                "-bf", "0", "-b:v", "600k", "-pix_fmt", "yuv420p", "-f", "mpegts", tmp.toString())
                .redirectErrorStream(true).redirectOutput(DIR.resolve("scene-encode.log").toFile()).start();
        byte[] raw = new byte[SyntheticScene.WIDTH * SyntheticScene.HEIGHT];
        try (SyntheticScene scene = new SyntheticScene(kind, seed); Mat frame = SyntheticScene.newFrame();
             OutputStream in = ffmpeg.getOutputStream()) {
            for (int i = 0; i < SECONDS * FPS; i++) {
                scene.render((double) i / FPS, frame);
                frame.data().get(raw);
                in.write(raw);
            }
        }
        if (!ffmpeg.waitFor(120, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
            throw new IOException("ffmpeg failed to encode " + file + ": see " + DIR.resolve("scene-encode.log"));
        }
        Files.move(tmp, file);
        return file;
    }
}
