package id.pantau.recorder.testing;

import id.pantau.recorder.segment.ClosedSegment;
import id.pantau.recorder.segment.RunInfo;
import id.pantau.recorder.segment.SegmentSink;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything it is given, for assertions. */
public final class CollectingSink implements SegmentSink {

    private final List<RunInfo> runs = new ArrayList<>();
    private final List<ClosedSegment> segments = new ArrayList<>();
    private final List<RunInfo> endedRuns = new ArrayList<>();

    @Override
    public synchronized void runStarted(RunInfo run) {
        runs.add(run);
    }

    @Override
    public synchronized void segmentClosed(ClosedSegment segment) {
        segments.add(segment);
    }

    @Override
    public synchronized void runEnded(RunInfo run, long endWallMs) {
        endedRuns.add(run);
    }

    public synchronized List<RunInfo> runs() {
        return List.copyOf(runs);
    }

    public synchronized List<ClosedSegment> segments() {
        return List.copyOf(segments);
    }

    public synchronized List<RunInfo> endedRuns() {
        return List.copyOf(endedRuns);
    }
}
