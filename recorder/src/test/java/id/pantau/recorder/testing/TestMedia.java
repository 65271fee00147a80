package id.pantau.recorder.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small test clips made with Debian's ffmpeg, cached under target/ for the whole test run. */
public final class TestMedia {

    private static final Path DIR = Path.of("target", "test-media");

    private TestMedia() {
    }

    /** MPEG-TS (Annex-B, like RTSP delivers) with a test pattern, 25 fps, a keyframe every {@code gop} frames. */
    public static synchronized Path transportStream(String codec, int width, int height, int seconds, int gop)
            throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        Path file = DIR.resolve(codec + "-" + width + "x" + height + "-" + seconds + "s-g" + gop + ".ts").toAbsolutePath();
        if (Files.exists(file)) {
            return file;
        }
        String encoder = codec.equals("h265") ? "libx265" : "libx264";
        Path tmp = Path.of(file + ".tmp.ts");
        List<String> cmd = new java.util.ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=" + width + "x" + height + ":rate=25:duration=" + seconds, "-c:v", encoder,
                "-preset", "ultrafast", "-g", String.valueOf(gop), "-keyint_min", String.valueOf(gop),
                "-bf", "0", "-pix_fmt", "yuv420p"));
        if (codec.equals("h265")) {
            cmd.addAll(List.of("-x265-params", "log-level=error:scenecut=0"));
        } else {
            cmd.addAll(List.of("-sc_threshold", "0"));
        }
        cmd.addAll(List.of("-f", "mpegts", tmp.toString()));
        Processes.runOk(cmd, 300);
        Files.move(tmp, file);
        return file;
    }
}
