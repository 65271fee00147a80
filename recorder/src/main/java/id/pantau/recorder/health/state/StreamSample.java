package id.pantau.recorder.health.state;

/**
 * What the recorder sees of a camera's stream right now.
 *
 * @param recording       the recorder is writing this stream (connected and receiving)
 * @param starting        the recorder is still on its first connection attempt
 * @param phaseAgeMs      how long the recorder has been in its current phase
 * @param detail          the recorder's last failure in plain words, or null
 * @param lastPacketAgeMs time since the last packet; -1 before the first
 * @param reconnectsInWindow times the stream came back within the recent window
 */
public record StreamSample(boolean recording, boolean starting, long phaseAgeMs, String detail, double fps,
                           long bitrateBps, long lastPacketAgeMs, long reconnectsInWindow) {
}
