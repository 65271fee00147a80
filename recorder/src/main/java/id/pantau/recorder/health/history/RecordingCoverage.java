package id.pantau.recorder.health.history;

import id.pantau.storage.index.SegmentRow;
import java.util.Comparator;
import java.util.List;

/**
 * Seconds recorded against seconds expected in a window: recorded is the union of the segments' wall time inside
 * the window; expected is the window less the time the camera was disabled.
 */
public record RecordingCoverage(long recordedMs, long expectedMs) {

    /** Recorded share of the expected time, or null when nothing was expected. */
    public Double ratio() {
        return expectedMs <= 0 ? null : Math.min(1.0, (double) recordedMs / expectedMs);
    }

    public static RecordingCoverage of(List<SegmentRow> segments, long fromMs, long toMs, long disabledMs) {
        long recorded = 0;
        long covered = fromMs;
        for (SegmentRow s : segments.stream().sorted(Comparator.comparingLong(SegmentRow::startWallMs)).toList()) {
            long start = Math.max(covered, s.startWallMs());
            long end = Math.min(toMs, s.endWallMs());
            if (end > start) {
                recorded += end - start;
            }
            covered = Math.max(covered, Math.min(toMs, s.endWallMs()));
        }
        return new RecordingCoverage(recorded, Math.max(0, toMs - fromMs - disabledMs));
    }
}
