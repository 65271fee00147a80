package id.pantau.recorder.segment;

/**
 * One moof+mdat pair of a segment file: media start relative to the segment start (90 kHz), where its bytes
 * are, how many frames it holds and whether it starts with a keyframe (so playback can start there).
 */
public record Fragment(long start90k, long duration90k, long offset, long length, int frameCount, boolean keyframe) {

    public long end90k() {
        return start90k + duration90k;
    }

    public long endOffset() {
        return offset + length;
    }
}
