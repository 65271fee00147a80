package id.pantau.recorder.ingest.rtsp;

/**
 * Extends 32-bit RTP timestamps to a continuous count that starts at 0 with the first packet. Each step is taken
 * as the signed 32-bit difference to the previous timestamp, so a wrap past 2^32 continues smoothly and a step
 * back stays a step back (for the timestamp judge to see).
 */
final class RtpTimeline {

    private boolean started;
    private long previous32;
    private long extended;

    long extend(long timestamp32) {
        if (!started) {
            started = true;
            previous32 = timestamp32;
            return 0;
        }
        extended += (int) (timestamp32 - previous32);
        previous32 = timestamp32;
        return extended;
    }
}
