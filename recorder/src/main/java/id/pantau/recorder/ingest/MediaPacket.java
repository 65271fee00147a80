package id.pantau.recorder.ingest;

/**
 * One compressed video packet as read from a camera, timestamps in 90 kHz ticks of the camera's clock.
 *
 * @param nalStarts where each NAL unit's 4-byte start code begins in {@code data}, when the source knows it (the
 *     RTSP depacketizer builds the access unit NAL by NAL), so the muxer need not scan every byte for start
 *     codes; null when it is not known
 */
public record MediaPacket(long dts90k, long pts90k, boolean keyframe, byte[] data, int[] nalStarts) {

    /** A packet whose NAL units are found by scanning. */
    public MediaPacket(long dts90k, long pts90k, boolean keyframe, byte[] data) {
        this(dts90k, pts90k, keyframe, data, null);
    }
}
