package id.pantau.recorder.segment;

/**
 * Receives what a camera's ingest produces. Called on the camera's ingest thread: implementations must be quick
 * (queue the work) and must not throw.
 */
public interface SegmentSink {

    /** A new run starts; called before the first segment of the run is opened. */
    void runStarted(RunInfo run);

    /** A segment file is complete, fsynced and will not be written again; the sink now owns the file. */
    void segmentClosed(ClosedSegment segment);

    /** The run ended (disconnect, timestamp jump, codec change, error or stop) at this wall time. */
    default void runEnded(RunInfo run, long endWallMs) {
    }
}
