package id.pantau.recorder.ingest.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Picture sizes read from SPSs that x264 and x265 wrote, including sizes that need a cropping window. */
class SequenceParameterSetTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "h264, 320, 240, yuv420p",
        "h264, 1920, 1080, yuv420p",
        "h264, 202, 114, yuv420p",
        "h264, 176, 144, yuv444p",
        "h265, 1920, 1080, yuv420p",
        "h265, 202, 114, yuv420p",
    })
    void sizeMatchesWhatTheEncoderWasAskedFor(String codec, int width, int height, String pixelFormat) throws Exception {
        Path file = dir.resolve("one." + codec);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-f", "lavfi", "-i",
                "testsrc2=size=" + width + "x" + height + ":rate=25:duration=0.04", "-frames:v", "1",
                "-c:v", codec.equals("h264") ? "libx264" : "libx265", "-pix_fmt", pixelFormat));
        if (codec.equals("h265")) {
            command.addAll(List.of("-x265-params", "log-level=error"));
        }
        command.add(file.toString());
        Processes.runOk(command, 60);
        VideoCodec videoCodec = codec.equals("h264") ? VideoCodec.H264 : VideoCodec.H265;
        byte[] sps = id.pantau.recorder.ingest.ParameterSets.sequenceParameterSet(videoCodec, Files.readAllBytes(file));

        assertThat(SequenceParameterSet.pictureSize(videoCodec, sps)).containsExactly(width, height);
    }
}
