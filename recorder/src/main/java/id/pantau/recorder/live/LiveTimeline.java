package id.pantau.recorder.live;

import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.segment.Sample;

/**
 * Places one viewer's frames on a timeline that starts at zero and never jumps: after a discontinuity (start, skip,
 * reconnect, a camera clock jump) the next frame follows the previous one directly, so a player's buffer has no
 * holes to stall on. A frame lasts as long as the previous frame's DTS step, known without waiting for the next.
 */
final class LiveTimeline {

    /** A DTS step outside (0, this] is a jump in the camera's clock, not a frame duration. */
    static final long MAX_FRAME_STEP_90K = 90_000;

    private final long defaultDuration90k;
    private boolean started;
    private long offset90k;
    private long lastDts90k;
    private long duration90k;
    private long end90k;

    LiveTimeline(double frameRate) {
        this.defaultDuration90k = frameRate > 1 && frameRate < 300 ? Math.round(90_000 / frameRate) : 3600;
        this.duration90k = defaultDuration90k;
    }

    Sample place(MediaPacket au, boolean discontinuity) {
        long step90k = au.dts90k() - lastDts90k;
        boolean jump = step90k <= 0 || step90k > MAX_FRAME_STEP_90K;
        if (!started || discontinuity || jump) {
            offset90k = end90k - au.dts90k();
        } else {
            duration90k = step90k;
        }
        started = true;
        lastDts90k = au.dts90k();
        long dts90k = au.dts90k() + offset90k;
        end90k = dts90k + duration90k;
        return new Sample(dts90k, au.pts90k() + offset90k, duration90k, au.keyframe(), au.data(), au.nalStarts());
    }

    /** Goes on where {@code previous} ended (a new format mid-stream), from a discontinuity. */
    void continueAfter(LiveTimeline previous) {
        end90k = previous.end90k;
    }

    /** Decode time at which the next frame would follow. */
    long end90k() {
        return end90k;
    }

    long defaultDuration90k() {
        return defaultDuration90k;
    }
}
