package id.pantau.recorder.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export of one camera over {@code [fromWallMs, toWallMs)} produced. The file starts at the keyframe at
 * or before {@code fromWallMs} ({@link #firstFrameWallMs()}); its edit list starts presentation at
 * {@link #presentationStartWallMs()}. Timestamps in the file run on without a jump; where the recording has a gap
 * or a new run starts, a {@link Discontinuity} says so.
 *
 * @param file null when the camera has no recording in the range
 * @param sampleEntry the MP4 sample entry type (avc1, hvc1, ...)
 * @param frames samples in the file, pre-roll included
 * @param mediaDuration sum of the sample durations, in {@code timescale} units
 * @param endWallMs where the last frame ends
 */
public record ExportResult(String cameraId, long fromWallMs, long toWallMs, Path file, long bytes,
                           String sampleEntry, int width, int height, int frames, long timescale,
                           long mediaDuration, long firstFrameWallMs, long presentationStartWallMs, long endWallMs,
                           List<SourceSegment> sources, List<Discontinuity> discontinuities) {

    public ExportResult {
        sources = List.copyOf(sources);
        discontinuities = List.copyOf(discontinuities);
    }

    /** A segment the export read, verified against the index's SHA-256 while it was read. */
    public record SourceSegment(long segmentId, long runId, String objectKey, long startWallMs, long endWallMs,
                                long bytes, String sha256, int framesUsed) {
    }

    /**
     * Where the recording breaks: between {@code lastWallMs} (end of the frames before) and {@code nextWallMs}
     * (the next frame); the file joins them at {@code exportSeconds} from its first frame.
     */
    public record Discontinuity(long lastWallMs, long nextWallMs, double exportSeconds, boolean newRun) {

        public long gapMs() {
            return nextWallMs - lastWallMs;
        }
    }

    static ExportResult noRecording(String cameraId, long fromWallMs, long toWallMs) {
        return new ExportResult(cameraId, fromWallMs, toWallMs, null, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, List.of(),
                List.of());
    }

    public boolean empty() {
        return file == null;
    }

    public double durationSeconds() {
        return timescale == 0 ? 0 : (double) mediaDuration / timescale;
    }

    /** Seconds from the first (key)frame to the requested start, which the edit list skips. */
    public double preRollSeconds() {
        return (presentationStartWallMs - firstFrameWallMs) / 1000.0;
    }
}
