package id.pantau.recorder.segment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A segment file being written: sidecar first (fsynced), then the init section, then fragments as the caller
 * flushes them. Closing yields the {@link ClosedSegment}; a failed one can be salvaged up to its last fragment.
 */
public final class OpenSegment {

    private static final Logger LOG = LoggerFactory.getLogger(OpenSegment.class);

    private final Path path;
    private final SegmentSidecar sidecar;
    private final FragmentedMp4Writer writer;

    private OpenSegment(Path path, SegmentSidecar sidecar, FragmentedMp4Writer writer) {
        this.path = path;
        this.sidecar = sidecar;
        this.writer = writer;
    }

    /**
     * @param mediaStart90k where the segment's first frame sits in its run (90 kHz ticks after the run's first)
     */
    public static OpenSegment create(SpoolFiles files, Path path, RunInfo run, long mediaStart90k,
                                     VideoFormat format) throws IOException {
        files.createDirectories(path.getParent());
        SpoolFile out = files.create(path);
        SegmentSidecar sidecar = new SegmentSidecar(run, mediaStart90k);
        try {
            sidecar.writeDurably(files, path);
            return new OpenSegment(path, sidecar, FragmentedMp4Writer.open(out, format));
        } catch (IOException | RuntimeException e) {
            out.close();
            files.deleteIfExists(path);
            files.deleteIfExists(SegmentSidecar.pathFor(path));
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public FragmentedMp4Writer writer() {
        return writer;
    }

    /** Flushes the last fragment and describes the finished file. */
    public ClosedSegment close() throws IOException {
        try {
            writer.finish();
        } finally {
            writer.close();
        }
        long duration90k = writer.fragments().stream().mapToLong(Fragment::duration90k).sum();
        int frames = writer.fragments().stream().mapToInt(Fragment::frameCount).sum();
        long startWallMs = sidecar.startWallMs();
        RunInfo run = sidecar.run();
        return new ClosedSegment(run.cameraId(), run.stream(), run.runId(), path, startWallMs,
                startWallMs + Math.round(duration90k / 90.0), sidecar.mediaStart90k(), duration90k, frames,
                writer.bytesWritten(), writer.sha256Hex(), writer.fragments());
    }

    /**
     * After a write failure: keeps what was already flushed (cut to the last complete fragment) or removes the
     * file if nothing was.
     */
    public Optional<ClosedSegment> salvage() {
        try {
            writer.close();
        } catch (IOException e) {
            LOG.debug("closing failed segment {}: {}", path, e.toString());
        }
        try {
            Optional<RecoveredSegment> repaired = SpoolRepair.repair(path);
            if (repaired.isEmpty()) {
                SpoolLayout.deleteSegment(path);
            }
            return repaired.map(RecoveredSegment::segment);
        } catch (IOException e) {
            LOG.warn("cannot salvage segment {}: {}", path, e.toString());
            try {
                SpoolLayout.deleteSegment(path);
            } catch (IOException ignored) {
                // the spool scan at next start will find it
            }
            return Optional.empty();
        }
    }
}
