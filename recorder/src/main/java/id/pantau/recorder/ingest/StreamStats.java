package id.pantau.recorder.ingest;

/**
 * Health figures of one camera stream. Rates are measured over the last few seconds of arrivals;
 * {@code lastPacketAgeMs} is -1 before the first packet; {@code packetsLost} counts RTP packets that never
 * arrived (each loss drops the stream to the next keyframe), over all connections.
 */
public record StreamStats(double fps, long bitrateBps, int gopFrames, long lastPacketAgeMs, long reconnects,
                          long bytesRecorded, long segmentsClosed, long packetsLost) {
}
