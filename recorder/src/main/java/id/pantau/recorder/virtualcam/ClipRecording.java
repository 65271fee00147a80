package id.pantau.recorder.virtualcam;

import id.pantau.recorder.segment.ClosedSegment;
import id.pantau.recorder.segment.FragmentPolicy;
import id.pantau.recorder.segment.FragmentedMp4Writer;
import id.pantau.recorder.segment.OpenSegment;
import id.pantau.recorder.segment.RunInfo;
import id.pantau.recorder.segment.RunStartReason;
import id.pantau.recorder.segment.Sample;
import id.pantau.recorder.segment.SegmentCutPolicy;
import id.pantau.recorder.segment.SegmentSink;
import id.pantau.recorder.segment.SpoolFiles;
import id.pantau.recorder.segment.SpoolLayout;
import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.segment.VideoFormat;
import id.pantau.recorder.virtualcam.media.AccessUnit;
import id.pantau.recorder.virtualcam.media.Clip;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Writes a virtual camera's clip, looped, straight into recorded segments: the same writer, fragment and cut
 * policies as the recorder, without RTSP and faster than real time. For recorded history in demos, benchmarks
 * and tests. Segments go to a {@link SegmentSink} (the uploader, which stores and indexes them).
 */
public final class ClipRecording {

    private final SegmentSink sink;
    private final Path spoolDir;
    private final SegmentCutPolicy cutPolicy;
    private final FragmentPolicy fragmentPolicy;
    private final SpoolFiles files = SpoolFiles.nio();

    public ClipRecording(SegmentSink sink, Path spoolDir, Duration segmentTarget) {
        this.sink = sink;
        this.spoolDir = spoolDir;
        this.cutPolicy = new SegmentCutPolicy(segmentTarget.toMillis() * 90);
        this.fragmentPolicy = FragmentPolicy.DEFAULT;
    }

    /** The picture a clip shows; the muxer needs it for the sample entry. */
    public record Picture(int width, int height) {
    }

    /**
     * Records {@code frames} frames of the looped clip as one run of the camera's main stream.
     *
     * @param startWallMs wall time of the first frame
     * @return the run; its segments have been handed to the sink
     */
    public RunInfo record(String cameraId, Clip clip, Picture picture, long startWallMs, int frames)
            throws IOException {
        VideoCodec codec = clip.codec() == id.pantau.recorder.virtualcam.media.VideoCodec.H265
                ? VideoCodec.H265 : VideoCodec.H264;
        RunInfo run = new RunInfo(UUID.randomUUID(), cameraId, "main", startWallMs, codec, picture.width(),
                picture.height(), RunStartReason.FIRST);
        VideoFormat format = new VideoFormat(codec, picture.width(), picture.height(), clip.parameterSetsAnnexB());
        sink.runStarted(run);
        long frame90k = clip.frameDuration90k();
        OpenSegment segment = null;
        long segmentStart90k = 0;
        int sequence = 0;
        for (int i = 0; i < frames; i++) {
            AccessUnit au = clip.frame(i);
            long dts90k = i * frame90k;
            if (segment == null || cutPolicy.cutBefore(dts90k - segmentStart90k, au.keyframe())) {
                if (segment != null) {
                    sink.segmentClosed(segment.close());
                }
                long startMs = startWallMs + Math.floorDiv(dts90k, 90);
                Path path = SpoolLayout.segmentPath(spoolDir, cameraId, "main", startMs, run.runId(), sequence++);
                segment = OpenSegment.create(files, path, run, dts90k, format);
                segmentStart90k = dts90k;
            }
            FragmentedMp4Writer writer = segment.writer();
            if (fragmentPolicy.flushBefore(writer.openFragmentDuration90k(), frame90k, au.keyframe())) {
                writer.flushFragment();
            }
            long relative90k = dts90k - segmentStart90k;
            writer.write(new Sample(relative90k, relative90k, frame90k, au.keyframe(), au.toAnnexB()));
        }
        if (segment != null) {
            ClosedSegment last = segment.close();
            sink.segmentClosed(last);
            sink.runEnded(run, last.endWallMs());
        }
        return run;
    }
}
