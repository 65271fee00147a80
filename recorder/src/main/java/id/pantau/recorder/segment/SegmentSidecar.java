package id.pantau.recorder.segment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

/**
 * What a spool file cannot say about itself (camera, run, wall-clock start), written and fsynced next to it
 * before any media, so a file left by a crash can still be indexed.
 */
public record SegmentSidecar(RunInfo run, long mediaStart90k) {

    private static final String FORMAT = "pantau-segment-1";

    /** The sidecar path for a spool file: same name with .meta instead of .mp4. */
    public static Path pathFor(Path mp4) {
        String name = mp4.getFileName().toString();
        String base = name.endsWith(".mp4") ? name.substring(0, name.length() - 4) : name;
        return mp4.resolveSibling(base + ".meta");
    }

    /** Wall time of the segment's first frame: the run's wall start plus the media time since. */
    public long startWallMs() {
        return run.startWallMs() + Math.floorDiv(mediaStart90k, 90);
    }

    public void writeDurably(SpoolFiles files, Path mp4) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("runId", run.runId().toString());
        p.setProperty("cameraId", run.cameraId());
        p.setProperty("stream", run.stream());
        p.setProperty("runStartWallMs", Long.toString(run.startWallMs()));
        p.setProperty("codec", run.codec().name());
        p.setProperty("width", Integer.toString(run.width()));
        p.setProperty("height", Integer.toString(run.height()));
        p.setProperty("reason", run.reason().name());
        p.setProperty("mediaStart90k", Long.toString(mediaStart90k));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.store(out, null);
        files.writeDurably(pathFor(mp4), out.toByteArray());
    }

    public static SegmentSidecar read(Path mp4) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(pathFor(mp4), StandardCharsets.ISO_8859_1)));
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IOException("not a segment sidecar: " + pathFor(mp4));
        }
        try {
            RunInfo run = new RunInfo(UUID.fromString(p.getProperty("runId")), p.getProperty("cameraId"),
                    p.getProperty("stream"), Long.parseLong(p.getProperty("runStartWallMs")),
                    VideoCodec.valueOf(p.getProperty("codec")), Integer.parseInt(p.getProperty("width")),
                    Integer.parseInt(p.getProperty("height")), RunStartReason.valueOf(p.getProperty("reason")));
            return new SegmentSidecar(run, Long.parseLong(p.getProperty("mediaStart90k")));
        } catch (RuntimeException e) {
            throw new IOException("unreadable segment sidecar " + pathFor(mp4) + ": " + e, e);
        }
    }
}
