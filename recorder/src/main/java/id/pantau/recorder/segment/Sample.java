package id.pantau.recorder.segment;

/**
 * One access unit (all NAL units of one picture), timestamps in 90 kHz ticks relative to the segment start.
 *
 * @param nalStarts where each NAL unit's 4-byte start code begins in {@code data} if the source knew, else null
 */
public record Sample(long dts90k, long pts90k, long duration90k, boolean keyframe, byte[] data, int[] nalStarts) {

    public Sample(long dts90k, long pts90k, long duration90k, boolean keyframe, byte[] data) {
        this(dts90k, pts90k, duration90k, keyframe, data, null);
    }
}
