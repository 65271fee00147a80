package id.pantau.recorder.segment;

/** Decides where a segment ends: at the first keyframe once the segment has reached its target length. */
public record SegmentCutPolicy(long target90k) {

    public SegmentCutPolicy {
        if (target90k <= 0) {
            throw new IllegalArgumentException("segment target must be positive: " + target90k);
        }
    }

    public static SegmentCutPolicy ofSeconds(double seconds) {
        return new SegmentCutPolicy(Math.round(seconds * 90_000));
    }

    /**
     * @param elapsed90k media time from the segment's first frame to this frame
     * @param keyframe   whether this frame is a keyframe
     * @return true if this frame must start a new segment
     */
    public boolean cutBefore(long elapsed90k, boolean keyframe) {
        return keyframe && elapsed90k >= target90k;
    }
}
