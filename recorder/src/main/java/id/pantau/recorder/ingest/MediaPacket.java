package id.pantau.recorder.ingest;

/** One compressed video packet as read from a camera, timestamps in 90 kHz ticks of the camera's clock. */
public record MediaPacket(long dts90k, long pts90k, boolean keyframe, byte[] data) {
}
