package id.pantau.recorder.ingest;

import java.time.Clock;
import java.util.ArrayDeque;

/**
 * Collects a stream's figures on the ingest thread and hands out consistent snapshots to any thread. Frame rate
 * and bitrate are taken over the media time of the frames read in the last 5 s: the reader takes frames in
 * batches of up to a second, so their wall times of reading would show bursts the camera never sent.
 */
final class StatsMeter {

    private static final long WINDOW_MS = 5_000;
    /** A step in media time beyond this (or backwards) starts the window afresh: a new timeline, not a rate. */
    private static final long MAX_STEP_90K = 5 * 90_000;

    private final Clock clock;
    private final ArrayDeque<long[]> frames = new ArrayDeque<>();
    private long lastPacketWallMs = -1;
    private int framesSinceKeyframe = -1;
    private int gopFrames;
    private long reconnects;
    private long bytesRecorded;
    private long segmentsClosed;
    private long packetsLost;

    StatsMeter(Clock clock) {
        this.clock = clock;
    }

    synchronized void packet() {
        lastPacketWallMs = clock.millis();
    }

    /** An access unit was read: {time read, bytes, media time} feed fps and bitrate, keyframes delimit GOPs. */
    synchronized void frame(int bytes, boolean keyframe, long dts90k) {
        long now = clock.millis();
        if (!frames.isEmpty()) {
            long step90k = dts90k - frames.peekLast()[2];
            if (step90k <= 0 || step90k > MAX_STEP_90K) {
                frames.clear();
            }
        }
        frames.addLast(new long[] {now, bytes, dts90k});
        trim(now);
        if (keyframe) {
            if (framesSinceKeyframe >= 0) {
                gopFrames = framesSinceKeyframe;
            }
            framesSinceKeyframe = 0;
        }
        if (framesSinceKeyframe >= 0) {
            framesSinceKeyframe++;
        }
    }

    synchronized void reconnected() {
        reconnects++;
    }

    synchronized void recorded(long bytes) {
        bytesRecorded += bytes;
    }

    /** RTP packets that never arrived. */
    synchronized void lost(long packets) {
        packetsLost += packets;
    }

    synchronized void segmentClosed() {
        segmentsClosed++;
    }

    /** A new connection: GOP counting restarts at the next keyframe. */
    synchronized void connectionStarted() {
        framesSinceKeyframe = -1;
    }

    synchronized StreamStats snapshot() {
        long now = clock.millis();
        trim(now);
        double fps = 0;
        long bitrate = 0;
        if (frames.size() >= 2) {
            long span90k = Math.max(frames.peekLast()[2] - frames.peekFirst()[2], 1);
            long bytes = frames.stream().skip(1).mapToLong(f -> f[1]).sum();
            fps = (frames.size() - 1) * 90_000.0 / span90k;
            bitrate = bytes * 8 * 90_000 / span90k;
        }
        long age = lastPacketWallMs < 0 ? -1 : now - lastPacketWallMs;
        return new StreamStats(fps, bitrate, gopFrames, age, reconnects, bytesRecorded, segmentsClosed, packetsLost);
    }

    private void trim(long now) {
        while (!frames.isEmpty() && frames.peekFirst()[0] < now - WINDOW_MS) {
            frames.removeFirst();
        }
    }
}
