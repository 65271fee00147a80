package id.pantau.recorder.virtualcam;

import id.pantau.recorder.virtualcam.media.ClipLibrary;

import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Generates the virtual cameras' test media with the FFmpeg executable bundled in JavaCV's GPL build (libx264,
 * libx265), so no system FFmpeg and no download is needed. Files are Annex-B elementary streams, 25 fps, a keyframe
 * every 50 frames (2 s), no B-frames, parameter sets repeated before every keyframe.
 *
 * <p>{@link Kind#MOTION_H264} is ground truth for motion detection: a static noisy background (plus faint sensor
 * noise that changes every frame) and a dark 80x200 "person" entering at the left edge at {@link #MOTION_START_SECONDS}
 * and leaving past the right edge at {@link #MOTION_END_SECONDS}, at y = 400..600, moving 170 px/s; nothing else moves
 * (it has no burnt-in frame counter, which the other clips get where FFmpeg's drawtext and a font are available).
 */
public final class TestMedia {

    public static final int FRAME_RATE = 25;
    public static final int DEFAULT_SECONDS = 20;
    /** Second (from the start of every loop of the motion clip) at which the rectangle starts to enter the view. */
    public static final double MOTION_START_SECONDS = 6.0;
    /** Second at which the rectangle has fully left the view; the clip is idle before the start and after this. */
    public static final double MOTION_END_SECONDS = 14.0;

    private static final Logger log = LoggerFactory.getLogger(TestMedia.class);
    private static final long ENCODE_TIMEOUT_SECONDS = 600;
    private static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    private static final Object LOCK = new Object();

    /** The clips a virtual camera can serve. */
    public enum Kind {
        MAIN_H264("main", "h264", 1280, 720, 2000, FRAME_RATE),
        SUB_H264("sub", "h264", 640, 360, 512, FRAME_RATE),
        /** A sub-stream set to the motion analysis rate on the camera, as analytics deployments configure it. */
        SUB5_H264("sub5", "h264", 640, 360, 256, 5),
        MAIN_H265("main", "h265", 1280, 720, 1500, FRAME_RATE),
        MOTION_H264("motion", "h264", 1280, 720, 2000, FRAME_RATE);

        private final String baseName;
        private final String extension;
        private final int width;
        private final int height;
        private final int kbps;
        private final int frameRate;

        Kind(String baseName, String extension, int width, int height, int kbps, int frameRate) {
            this.baseName = baseName;
            this.extension = extension;
            this.width = width;
            this.height = height;
            this.kbps = kbps;
            this.frameRate = frameRate;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        public int kbps() {
            return kbps;
        }

        public int frameRate() {
            return frameRate;
        }

        /** Two seconds of frames. */
        public int gopFrames() {
            return 2 * frameRate;
        }

        /** The file name; a rate other than 25 fps is part of it (see {@link ClipLibrary}). */
        public String fileName(int seconds) {
            String rate = frameRate == FRAME_RATE ? "" : "-" + frameRate + "fps";
            return baseName + "-" + width + "x" + height + rate + "-" + seconds + "s." + extension;
        }
    }

    private TestMedia() {
    }

    /** The {@value #DEFAULT_SECONDS} s clip of {@code kind} in {@code dir}, generated first if missing. */
    public static Path ensure(Path dir, Kind kind) {
        return ensure(dir, kind, DEFAULT_SECONDS);
    }

    /** A clip of {@code kind} lasting {@code seconds} (a whole number of GOPs is best), generated first if missing. */
    public static Path ensure(Path dir, Kind kind, int seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("seconds must be positive: " + seconds);
        }
        Path target = dir.resolve(kind.fileName(seconds));
        synchronized (LOCK) {
            if (Files.isRegularFile(target)) {
                return target;
            }
            try {
                Files.createDirectories(dir);
                generate(target, kind, seconds);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot generate " + target, e);
            }
            return target;
        }
    }

    private static void generate(Path target, Kind kind, int seconds) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + kind.baseName + "-", ".part");
        Path logFile = target.resolveSibling("." + target.getFileName() + ".log");
        List<String> command = command(ffmpegExecutable(), kind, seconds, temp);
        long startNanos = System.nanoTime();
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            if (!process.waitFor(ENCODE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("FFmpeg did not finish within " + ENCODE_TIMEOUT_SECONDS + " s: " + command);
            }
            if (process.exitValue() != 0 || Files.size(temp) == 0) {
                throw new IOException("FFmpeg failed (exit " + process.exitValue() + "): " + command + "\n"
                        + Files.readString(logFile, StandardCharsets.UTF_8));
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            log.info("Generated {} ({} bytes) in {} ms", target, Files.size(target),
                    (System.nanoTime() - startNanos) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while generating " + target, e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static List<String> command(String ffmpeg, Kind kind, int seconds, Path output) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
        cmd.addAll(List.of("-f", "lavfi", "-i", source(kind)));
        if (kind == Kind.MOTION_H264) {
            cmd.addAll(List.of("-f", "lavfi", "-i", "color=c=0x202020:size=80x200:rate=" + kind.frameRate()));
        }
        cmd.addAll(List.of("-filter_complex", filter(kind), "-map", "[v]", "-t", Integer.toString(seconds)));
        String kbps = kind.kbps() + "k";
        if (kind.extension.equals("h264")) {
            cmd.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-bf", "0",
                    "-g", Integer.toString(kind.gopFrames()), "-keyint_min", Integer.toString(kind.gopFrames()),
                    "-sc_threshold", "0", "-b:v", kbps, "-maxrate", kbps, "-bufsize", kbps,
                    "-x264-params", "repeat-headers=1", "-f", "h264"));
        } else {
            cmd.addAll(List.of("-c:v", "libx265", "-preset", "ultrafast", "-b:v", kbps,
                    "-x265-params", "keyint=" + kind.gopFrames() + ":min-keyint=" + kind.gopFrames()
                            + ":bframes=0:scenecut=0:open-gop=0:repeat-headers=1:log-level=error"
                            + ":vbv-maxrate=" + kind.kbps() + ":vbv-bufsize=" + kind.kbps(),
                    "-f", "hevc"));
        }
        cmd.add(output.toString());
        return cmd;
    }

    private static String source(Kind kind) {
        String size = kind.width() + "x" + kind.height();
        if (kind == Kind.MOTION_H264) {
            return "color=c=0x5a6470:size=" + size + ":rate=" + kind.frameRate();
        }
        return "testsrc2=size=" + size + ":rate=" + kind.frameRate();
    }

    private static String filter(Kind kind) {
        if (kind == Kind.MOTION_H264) {
            // noise without the temporal flag is the same in every frame: a textured but static background;
            // no frame counter here, since a ticking counter would itself be motion
            return "[0:v]noise=alls=30[bg];[bg][1:v]overlay=x='-80+(t-" + MOTION_START_SECONDS + ")*170':y=400"
                    + ":enable='between(t," + MOTION_START_SECONDS + "," + MOTION_END_SECONDS + ")'"
                    + ",noise=alls=3:allf=t,format=yuv420p[v]";
        }
        // temporal noise keeps the encoder busy enough to reach a camera-like bit rate
        return "[0:v]noise=alls=6:allf=t" + frameCounter() + ",format=yuv420p[v]";
    }

    /** A burnt-in frame number, only where this FFmpeg build and machine can draw text. */
    private static String frameCounter() {
        if (!Files.isRegularFile(Path.of(FONT)) || !hasDrawText()) {
            return "";
        }
        return ",drawtext=fontfile=" + FONT + ":text='%{frame_num}':x=16:y=16:fontsize=28"
                + ":fontcolor=white:box=1:boxcolor=black@0.6";
    }

    private static boolean hasDrawText() {
        try {
            Process process = new ProcessBuilder(ffmpegExecutable(), "-hide_banner", "-filters")
                    .redirectErrorStream(true).start();
            String filters = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return filters.contains(" drawtext ");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Path of the FFmpeg executable unpacked from the JavaCV ffmpeg jar. */
    public static String ffmpegExecutable() {
        return Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
    }

    /** Pre-generates every kind: {@code TestMedia DIR [SECONDS]}. */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: TestMedia <media-dir> [seconds]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_SECONDS;
        for (Kind kind : Kind.values()) {
            System.out.println(ensure(dir, kind, seconds));
        }
    }
}
