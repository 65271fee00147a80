package id.pantau.recorder.segment;

/**
 * Decides where a fragment ends: before a keyframe (so playback can start at it) and before any frame that
 * would make the fragment longer than the maximum. A keyframe only starts a fragment once the current one holds
 * at least {@code minKeyframeFragment90k}, which bounds the index size for all-intra streams.
 */
public record FragmentPolicy(long max90k, long minKeyframeFragment90k) {

    public static final FragmentPolicy DEFAULT = new FragmentPolicy(90_000, 18_000);

    public FragmentPolicy {
        if (max90k <= 0 || minKeyframeFragment90k < 0 || minKeyframeFragment90k > max90k) {
            throw new IllegalArgumentException("bad fragment policy " + max90k + "/" + minKeyframeFragment90k);
        }
    }

    /**
     * @param fragmentSoFar90k duration of the frames already in the open fragment (0 if it is empty)
     * @param frameDuration90k duration of the frame about to be written
     * @param keyframe         whether that frame is a keyframe
     * @return true if the open fragment must be flushed before the frame is written
     */
    public boolean flushBefore(long fragmentSoFar90k, long frameDuration90k, boolean keyframe) {
        if (fragmentSoFar90k <= 0) {
            return false;
        }
        if (keyframe && fragmentSoFar90k >= minKeyframeFragment90k) {
            return true;
        }
        return fragmentSoFar90k + frameDuration90k > max90k;
    }
}
