package id.pantau.recorder.ingest;

import id.pantau.recorder.segment.ClosedSegment;
import id.pantau.recorder.segment.FragmentPolicy;
import id.pantau.recorder.segment.OpenSegment;
import id.pantau.recorder.segment.RunInfo;
import id.pantau.recorder.segment.Sample;
import id.pantau.recorder.segment.SegmentCutPolicy;
import id.pantau.recorder.segment.SegmentSink;
import id.pantau.recorder.segment.SpoolFiles;
import id.pantau.recorder.segment.SpoolLayout;
import id.pantau.recorder.segment.VideoFormat;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes one run's access units into consecutive segment files. Each frame is held back until the next one
 * arrives, because its duration (the distance to the next DTS) must be known when it is written; the last
 * frame of a run gets the previous frame's duration.
 */
final class RunWriter {

    private static final long DEFAULT_FRAME_90K = 3600;

    private final RunInfo run;
    private final VideoFormat format;
    private final long runStartDts90k;
    private final Path spoolDir;
    private final SegmentCutPolicy cutPolicy;
    private final FragmentPolicy fragmentPolicy;
    private final SpoolFiles files;
    private final SegmentSink sink;
    private final StatsMeter stats;

    private OpenSegment segment;
    private long segmentStartDts90k;
    private long bytesCounted;
    private int sequence;
    private MediaPacket held;
    private long lastDuration90k;
    private long end90k;

    RunWriter(RunInfo run, VideoFormat format, long runStartDts90k, double frameRate, CameraConfig config,
              SpoolFiles files, SegmentSink sink, StatsMeter stats) {
        this.run = run;
        this.format = format;
        this.runStartDts90k = runStartDts90k;
        this.spoolDir = config.spoolDir();
        this.cutPolicy = new SegmentCutPolicy(config.segmentTarget().toMillis() * 90);
        this.fragmentPolicy = config.fragmentPolicy();
        this.files = files;
        this.sink = sink;
        this.stats = stats;
        this.lastDuration90k = frameRate > 1 && frameRate < 300 ? Math.round(90_000 / frameRate) : DEFAULT_FRAME_90K;
    }

    RunInfo run() {
        return run;
    }

    /** Takes the next access unit; its DTS must be after the previous one, the first must be a keyframe. */
    void accept(MediaPacket accessUnit) throws IOException {
        if (held != null) {
            long duration90k = accessUnit.dts90k() - held.dts90k();
            write(held, duration90k);
            lastDuration90k = duration90k;
        }
        held = accessUnit;
    }

    /** Writes the held frame and closes the open segment. */
    void finish() throws IOException {
        if (held != null) {
            write(held, lastDuration90k);
            held = null;
        }
        closeSegment();
    }

    /** After a spool failure: keeps what is already durable of the open segment, drops the rest. */
    void abandon() {
        held = null;
        if (segment != null) {
            segment.salvage().ifPresent(this::handOver);
            segment = null;
        }
    }

    /** Media time still to come, in ms, before the open fragment reaches its longest; 0 once it has. */
    long fragmentFullInMs() {
        long open90k = segment == null ? 0 : segment.writer().openFragmentDuration90k();
        if (held != null) {
            open90k += lastDuration90k;
        }
        return Math.max(0, (fragmentPolicy.max90k() - open90k) / 90);
    }

    /** Wall time at which the frames written so far end. */
    long endWallMs() {
        return run.startWallMs() + Math.round(end90k / 90.0);
    }

    private void write(MediaPacket au, long duration90k) throws IOException {
        if (segment == null) {
            openSegment(au);
        } else if (cutPolicy.cutBefore(au.dts90k() - segmentStartDts90k, au.keyframe())) {
            closeSegment();
            openSegment(au);
        } else if (fragmentPolicy.flushBefore(segment.writer().openFragmentDuration90k(), duration90k,
                au.keyframe())) {
            segment.writer().flushFragment();
            countBytes();
        }
        segment.writer().write(new Sample(au.dts90k() - segmentStartDts90k, au.pts90k() - segmentStartDts90k,
                duration90k, au.keyframe(), au.data(), au.nalStarts()));
        end90k = au.dts90k() + duration90k - runStartDts90k;
    }

    private void openSegment(MediaPacket first) throws IOException {
        long mediaStart90k = first.dts90k() - runStartDts90k;
        long startWallMs = run.startWallMs() + Math.floorDiv(mediaStart90k, 90);
        Path path = SpoolLayout.segmentPath(spoolDir, run.cameraId(), run.stream(), startWallMs, run.runId(),
                sequence++);
        segment = OpenSegment.create(files, path, run, mediaStart90k, format);
        segmentStartDts90k = first.dts90k();
        bytesCounted = 0;
        countBytes();
    }

    private void closeSegment() throws IOException {
        if (segment == null) {
            return;
        }
        OpenSegment closing = segment;
        segment = null;
        ClosedSegment closed;
        try {
            closed = closing.close();
        } catch (IOException e) {
            segment = closing;
            throw e;
        }
        stats.recorded(closed.bytes() - bytesCounted);
        handOver(closed);
    }

    private void countBytes() {
        long written = segment.writer().bytesWritten();
        stats.recorded(written - bytesCounted);
        bytesCounted = written;
    }

    private void handOver(ClosedSegment closed) {
        stats.segmentClosed();
        sink.segmentClosed(closed);
    }
}
