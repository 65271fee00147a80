package id.pantau.recorder.segment;

/**
 * A spool file found at startup, cut back to its last complete fragment if a crash left it partial.
 *
 * @param bytesCut how many trailing bytes were removed (0 for a file that was closed cleanly)
 */
public record RecoveredSegment(RunInfo run, ClosedSegment segment, long bytesCut) {
}
