package id.pantau.recorder.segment;

/** One access unit (all NAL units of one picture), timestamps in 90 kHz ticks relative to the segment start. */
public record Sample(long dts90k, long pts90k, long duration90k, boolean keyframe, byte[] data) {
}
