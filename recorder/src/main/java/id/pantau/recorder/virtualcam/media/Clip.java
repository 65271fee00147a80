package id.pantau.recorder.virtualcam.media;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * An immutable, loopable video clip held in memory once and shared by every mount and session that plays it.
 * It starts with a keyframe, and every keyframe carries the parameter sets in band.
 */
public record Clip(VideoCodec codec, List<AccessUnit> frames, Map<VideoCodec.ParameterSetKind, NalUnit> parameterSets,
                   int frameRate) {

    public Clip {
        frames = List.copyOf(frames);
        parameterSets = Map.copyOf(parameterSets);
        if (frames.isEmpty() || !frames.get(0).keyframe()) {
            throw new IllegalArgumentException("A clip must start with a keyframe");
        }
        if (frameRate <= 0) {
            throw new IllegalArgumentException("frameRate must be positive: " + frameRate);
        }
    }

    public int frameCount() {
        return frames.size();
    }

    public AccessUnit frame(long index) {
        return frames.get((int) Math.floorMod(index, (long) frames.size()));
    }

    /** Duration of one frame on the 90 kHz RTP video clock. */
    public int frameDuration90k() {
        return 90_000 / frameRate;
    }

    public long frameDurationNanos() {
        return 1_000_000_000L / frameRate;
    }

    /** The clip's parameter sets (VPS, SPS, PPS as present) in Annex-B, e.g. as decoder extradata. */
    public byte[] parameterSetsAnnexB() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (VideoCodec.ParameterSetKind kind : VideoCodec.ParameterSetKind.values()) {
            NalUnit nal = parameterSets.get(kind);
            if (nal != null) {
                out.writeBytes(AccessUnit.START_CODE);
                out.write(nal.buffer(), nal.offset(), nal.length());
            }
        }
        return out.toByteArray();
    }

    public NalUnit parameterSet(VideoCodec.ParameterSetKind kind) {
        NalUnit nal = parameterSets.get(kind);
        if (nal == null) {
            throw new IllegalStateException("The clip has no " + kind);
        }
        return nal;
    }

    public long totalBytes() {
        long total = 0;
        for (AccessUnit frame : frames) {
            total += frame.sizeBytes();
        }
        return total;
    }
}
