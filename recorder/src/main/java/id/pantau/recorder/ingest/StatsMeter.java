package id.pantau.recorder.ingest;

import java.time.Clock;
import java.util.ArrayDeque;

/** Collects a stream's figures on the ingest thread and hands out consistent snapshots to any thread. */
final class StatsMeter {

    private static final long WINDOW_MS = 5_000;

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

    /** An access unit arrived: {time, bytes} feed fps and bitrate, keyframes delimit GOPs. */
    synchronized void frame(int bytes, boolean keyframe) {
        long now = clock.millis();
        frames.addLast(new long[] {now, bytes});
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
            long spanMs = Math.max(now - frames.peekFirst()[0], 1);
            long bytes = frames.stream().skip(1).mapToLong(f -> f[1]).sum();
            fps = (frames.size() - 1) * 1000.0 / spanMs;
            bitrate = bytes * 8_000 / spanMs;
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
