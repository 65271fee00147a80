package id.pantau.recorder.ingest;

import id.pantau.recorder.ingest.IngestFailure.Kind;
import id.pantau.recorder.segment.RunInfo;
import id.pantau.recorder.segment.RunStartReason;
import id.pantau.recorder.segment.SegmentSink;
import id.pantau.recorder.segment.SpoolFiles;
import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.segment.VideoFormat;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one connection's access units into runs: starts a run at a keyframe, breaks it when timestamps jump or
 * the parameter sets change, and turns missing keyframes, chronic timestamp trouble and spool errors into
 * {@link IngestFailure}s.
 */
final class StreamIngest {

    private static final Logger LOG = LoggerFactory.getLogger(StreamIngest.class);
    private static final int MAX_IMPLAUSIBLE_IN_A_ROW = 25;
    /** More than a source queues (256 frames, 10 s at 25 fps): beyond it the timestamps, not the reader, jumped. */
    private static final long MAX_BACKLOG_MS = 15_000;

    private final CameraConfig config;
    private final StreamInfo info;
    private final PacketSource source;
    private final SpoolFiles files;
    private final SegmentSink sink;
    private final Clock clock;
    private final StatsMeter stats;
    private final TimestampBreaks breaks;
    private final TimestampJudge judge;
    private final long noKeyframe90k;
    private final Runnable onRecording;

    private RunStartReason nextReason;
    private RunWriter run;
    private byte[] runParameterSets = new byte[0];
    private long previousDts90k;
    private long lastKeyframeDts90k;
    private long waitingSinceWallMs;
    private int implausibleInARow;

    StreamIngest(CameraConfig config, PacketSource source, RunStartReason firstReason, SpoolFiles files,
                 SegmentSink sink, Clock clock, StatsMeter stats, TimestampBreaks breaks, Runnable onRecording) {
        this.config = config;
        this.source = source;
        this.info = source.info();
        this.files = files;
        this.sink = sink;
        this.clock = clock;
        this.stats = stats;
        this.breaks = breaks;
        this.onRecording = onRecording;
        this.judge = new TimestampJudge(config.forwardJumpLimit().toMillis() * 90);
        this.noKeyframe90k = config.noKeyframeTimeout().toMillis() * 90;
        this.nextReason = firstReason;
        this.waitingSinceWallMs = clock.millis();
    }

    boolean recording() {
        return run != null;
    }

    /** How long the next access units may wait before they are needed: until the open fragment is full. */
    long handOverLateMs() {
        return run == null ? PacketSource.COALESCE_MS : run.fragmentFullInMs();
    }

    void accept(MediaPacket au) throws IngestFailure {
        if (!NalSanity.plausible(au.data())) {
            if (++implausibleInARow > MAX_IMPLAUSIBLE_IN_A_ROW) {
                throw new IngestFailure(Kind.MALFORMED,
                        "malformed stream: " + implausibleInARow + " unparseable packets in a row");
            }
            return;
        }
        implausibleInARow = 0;
        try {
            if (run != null) {
                checkContinuity(au);
            }
            if (run == null) {
                if (!au.keyframe() || !NalSanity.startsPicture(info.format().codec(), au.data())) {
                    long waitedMs = clock.millis() - waitingSinceWallMs;
                    if (waitedMs > config.noKeyframeTimeout().toMillis()) {
                        throw noKeyframe();
                    }
                    return;
                }
                startRun(au);
            } else if (!au.keyframe() && au.dts90k() - lastKeyframeDts90k > noKeyframe90k) {
                throw noKeyframe();
            }
            run.accept(au);
            previousDts90k = au.dts90k();
            if (au.keyframe()) {
                lastKeyframeDts90k = au.dts90k();
            }
        } catch (IOException e) {
            abandon();
            throw spoolFailure(e);
        }
    }

    /** The connection ended: completes the open run. */
    void finish() throws IngestFailure {
        try {
            endRun();
        } catch (IOException e) {
            abandon();
            throw spoolFailure(e);
        }
    }

    /** After a failure: keeps what is durable, ends the run. */
    void abandon() {
        if (run != null) {
            RunWriter failed = run;
            run = null;
            failed.abandon();
            sink.runEnded(failed.run(), failed.endWallMs());
        }
    }

    private void checkContinuity(MediaPacket au) throws IOException, IngestFailure {
        boolean codecChanged = false;
        byte[] parameterSets = null;
        if (au.keyframe() && runParameterSets.length > 0) {
            parameterSets = ParameterSets.extract(info.format().codec(), au.data());
            codecChanged = ParameterSets.isComplete(info.format().codec(), parameterSets)
                    && !Arrays.equals(parameterSets, runParameterSets);
        }
        RunDecision decision = judge.judge(previousDts90k, au.dts90k(), codecChanged);
        if (!decision.newRun()) {
            return;
        }
        LOG.warn("{}: new run ({}): dts {} after {}", config.label(), decision.reason(), au.dts90k(),
                previousDts90k);
        if (codecChanged) {
            LOG.info("{}: parameter sets were {}, now {}", config.label(),
                    java.util.HexFormat.of().formatHex(runParameterSets), java.util.HexFormat.of().formatHex(parameterSets));
        }
        endRun();
        nextReason = decision.reason();
        waitingSinceWallMs = clock.millis();
        if (decision.reason() != RunStartReason.CODEC_CHANGED && breaks.recordAndExceeded(clock.millis())) {
            throw new IngestFailure(Kind.NON_MONOTONIC,
                    "non-monotonic timestamps: " + breaks.inWindow() + " timestamp jumps within a minute");
        }
    }

    private void startRun(MediaPacket keyframe) {
        VideoCodec codec = info.format().codec();
        VideoFormat format = info.format();
        byte[] inBand = ParameterSets.extract(codec, keyframe.data());
        if (ParameterSets.isComplete(codec, inBand)) {
            // the in-band parameter sets describe the pictures that follow; the SDP's may be stale or absent
            int[] size = PictureSize.of(codec, keyframe.data());
            format = format.withExtradata(inBand, size[0] > 0 ? size[0] : format.width(),
                    size[1] > 0 ? size[1] : format.height());
            runParameterSets = inBand;
        } else {
            runParameterSets = new byte[0];
        }
        RunInfo runInfo = new RunInfo(UUID.randomUUID(), config.cameraId(), config.stream(),
                arrivalWallMs(keyframe), codec, format.width(), format.height(), nextReason);
        LOG.info("{}: run {} starts ({}, {} {}x{})", config.label(), runInfo.runId(), nextReason, codec,
                format.width(), format.height());
        sink.runStarted(runInfo);
        run = new RunWriter(runInfo, format, keyframe.dts90k(), info.frameRate(), config, files, sink, stats);
        lastKeyframeDts90k = keyframe.dts90k();
        onRecording.run();
    }

    /**
     * When the keyframe arrived: now, less the media time that arrived after it and still waits to be read (a
     * reader that fell behind, e.g. while the JVM warms up, would otherwise shift the whole run late).
     */
    private long arrivalWallMs(MediaPacket keyframe) {
        long now = clock.millis();
        long newest = source.newestArrivedDts90k();
        if (newest == Long.MIN_VALUE || newest <= keyframe.dts90k()) {
            return now;
        }
        return now - Math.min((newest - keyframe.dts90k()) / 90, MAX_BACKLOG_MS);
    }

    private void endRun() throws IOException {
        if (run == null) {
            return;
        }
        RunWriter ending = run;
        ending.finish();
        run = null;
        sink.runEnded(ending.run(), ending.endWallMs());
    }

    private IngestFailure noKeyframe() {
        return new IngestFailure(Kind.NO_KEYFRAME,
                "no keyframe for " + config.noKeyframeTimeout().toSeconds() + " s");
    }

    private IngestFailure spoolFailure(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left") || message.contains("Disk quota exceeded")) {
            return new IngestFailure(Kind.DISK_FULL, "spool disk full: " + config.spoolDir(), e);
        }
        return new IngestFailure(Kind.SPOOL_IO, "spool I/O error: " + message, e);
    }
}
