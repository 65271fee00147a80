package id.pantau.recorder.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Where spool files live: {@code <spool>/<camera>/<stream>/<startWallMs>-<run>-<seq>.mp4}, each with a .meta sidecar. */
public final class SpoolLayout {

    private SpoolLayout() {
    }

    public static Path segmentPath(Path spoolDir, String cameraId, String stream, long startWallMs, UUID runId,
                                   int sequence) {
        String run = runId.toString().substring(0, 8);
        return spoolDir.resolve(cameraId).resolve(stream)
                .resolve(String.format("%013d-%s-%04d.mp4", startWallMs, run, sequence));
    }

    /** Removes a spool file and its sidecar (after upload, or when nothing in it was worth keeping). */
    public static void deleteSegment(Path mp4) throws IOException {
        Files.deleteIfExists(mp4);
        Files.deleteIfExists(SegmentSidecar.pathFor(mp4));
    }
}
