package id.pantau.recorder.virtualcam;

import id.pantau.recorder.virtualcam.media.Clip;
import id.pantau.recorder.virtualcam.media.ClipLibrary;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TestMediaTest {

    @ParameterizedTest
    @EnumSource(TestMedia.Kind.class)
    void generatesDecodableClipsAtTheirSizeAndBitRate(TestMedia.Kind kind) throws Exception {
        Path file = TestMedia.ensure(MediaFixtures.DIR, kind);

        double kbps = Files.size(file) * 8.0 / TestMedia.DEFAULT_SECONDS / 1000;
        assertThat(kbps).as("bit rate of %s", file).isBetween(kind.kbps() * 0.6, kind.kbps() * 1.3);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setFormat(file.toString().endsWith(".h265") ? "hevc" : "h264");
            grabber.start();
            assertThat(grabber.grabImage()).isNotNull();
            assertThat(grabber.getImageWidth()).isEqualTo(kind.width());
            assertThat(grabber.getImageHeight()).isEqualTo(kind.height());
            grabber.stop();
        }
    }

    @Test
    void aFiveFpsSubStreamPlaysAtFiveFramesASecondWithTwoSecondGops() {
        Path file = TestMedia.ensure(MediaFixtures.DIR, TestMedia.Kind.SUB5_H264);
        assertThat(file.getFileName().toString()).contains("-5fps-");

        Clip clip = new ClipLibrary(TestMedia.FRAME_RATE).load(file);

        assertThat(clip.frameRate()).isEqualTo(5);
        assertThat(clip.frameCount()).isEqualTo(TestMedia.DEFAULT_SECONDS * 5);
        for (int i = 0; i < clip.frameCount(); i++) {
            assertThat(clip.frame(i).keyframe()).as("frame %d is a keyframe", i).isEqualTo(i % 10 == 0);
        }
        assertThat(ClipLibrary.frameRateOf(Path.of("sub-640x360-20s.h264"), 25)).isEqualTo(25);
    }

    @Test
    void ensureKeepsAnExistingFile() throws Exception {
        Path file = TestMedia.ensure(MediaFixtures.DIR, TestMedia.Kind.SUB_H264);
        long modified = Files.getLastModifiedTime(file).toMillis();

        assertThat(TestMedia.ensure(MediaFixtures.DIR, TestMedia.Kind.SUB_H264)).isEqualTo(file);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
    }

    @Test
    void motionClipMovesOnlyInsideTheDocumentedInterval() throws Exception {
        Path file = TestMedia.ensure(MediaFixtures.DIR, TestMedia.Kind.MOTION_H264);
        // frame pairs 10 frames (0.4 s) apart: two idle before, two during, two idle after the motion
        Map<Integer, ByteBuffer> frames = decodeFrames(file, Set.of(25, 35, 100, 110, 200, 210, 300, 310, 400, 410,
                450, 460));

        double fps = TestMedia.FRAME_RATE;
        for (int first : new int[] {25, 100, 200, 300, 400, 450}) {
            double changed = changedShare(frames.get(first), frames.get(first + 10));
            double seconds = first / fps;
            boolean moving = seconds >= TestMedia.MOTION_START_SECONDS + 0.5
                    && (first + 10) / fps <= TestMedia.MOTION_END_SECONDS - 0.5;
            if (moving) {
                // the 80x200 rectangle moves 68 px in 0.4 s: 2 strips of about 68x200 px, some 100 of 3600 blocks
                assertThat(changed).as("changed share at %.1f s", seconds).isBetween(0.01, 0.06);
            } else {
                assertThat(changed).as("changed share at %.1f s", seconds).isZero();
            }
        }
    }

    private static Map<Integer, ByteBuffer> decodeFrames(Path file, Set<Integer> wanted) throws Exception {
        Map<Integer, ByteBuffer> frames = new HashMap<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setFormat("h264");
            grabber.start();
            for (int index = 0; frames.size() < wanted.size(); index++) {
                Frame frame = grabber.grabImage();
                assertThat(frame).as("frame %d", index).isNotNull();
                if (wanted.contains(index)) {
                    ByteBuffer pixels = (ByteBuffer) frame.image[0];
                    ByteBuffer copy = ByteBuffer.allocate(pixels.remaining());
                    copy.put(pixels.duplicate()).flip();
                    frames.put(index, copy);
                }
            }
            grabber.stop();
        }
        return frames;
    }

    /**
     * Share of 16x16 blocks whose mean brightness changed by more than 12 levels: coding artefacts and sensor noise
     * average out within a block, a moving object does not.
     */
    private static double changedShare(ByteBuffer a, ByteBuffer b) {
        int width = 1280;
        int height = 720;
        int block = 16;
        int changed = 0;
        int blocks = 0;
        for (int by = 0; by < height; by += block) {
            for (int bx = 0; bx < width; bx += block) {
                long sumA = 0;
                long sumB = 0;
                for (int y = by; y < by + block; y++) {
                    for (int x = bx; x < bx + block; x++) {
                        int i = (y * width + x) * 3;
                        sumA += (a.get(i) & 0xFF) + (a.get(i + 1) & 0xFF) + (a.get(i + 2) & 0xFF);
                        sumB += (b.get(i) & 0xFF) + (b.get(i + 1) & 0xFF) + (b.get(i + 2) & 0xFF);
                    }
                }
                double meanDiff = Math.abs(sumA - sumB) / (3.0 * block * block);
                changed += meanDiff > 12 ? 1 : 0;
                blocks++;
            }
        }
        return (double) changed / blocks;
    }
}
