package id.pantau.recorder.virtualcam.rtsp;

import id.pantau.recorder.virtualcam.media.AccessUnit;
import id.pantau.recorder.virtualcam.media.Clip;
import io.netty.channel.Channel;

/**
 * One client's playback of a mount: a cursor over the shared clip, paced by wall clock since PLAY. Frame slot n is
 * due {@code n} frame durations after PLAY and carries RTP time {@code initial + n * duration}, so sequence numbers
 * and timestamps run on without a jump when the clip loops. Only the connection's event loop touches the cursor.
 */
public final class PlaybackSession {

    /** Frames further behind than this are dropped rather than sent in a burst (e.g. after a long GC pause). */
    static final int MAX_LAG_FRAMES = 25;

    private final String id;
    private final Mount mount;
    private final Channel connection;
    private final RtpSink sink;
    private final long initialTimestamp90k;
    private final long jumpBaseline90k;
    private boolean playing;
    private long startNanos;
    private long nextSlot;
    private boolean awaitingKeyframe;
    private long framesSent;
    private long framesDropped;

    PlaybackSession(String id, Mount mount, Channel connection, RtpSink sink, long initialTimestamp90k) {
        this.id = id;
        this.mount = mount;
        this.connection = connection;
        this.sink = sink;
        this.initialTimestamp90k = initialTimestamp90k & 0xFFFFFFFFL;
        this.jumpBaseline90k = mount.timestampJump90k();
    }

    public String id() {
        return id;
    }

    public Mount mount() {
        return mount;
    }

    Channel connection() {
        return connection;
    }

    RtpSink sink() {
        return sink;
    }

    public boolean playing() {
        return playing;
    }

    public long framesSent() {
        return framesSent;
    }

    public long framesDropped() {
        return framesDropped;
    }

    /** Starts the clock: slot 0 (the clip's first keyframe) is due at once. */
    void play(long nowNanos) {
        if (!playing) {
            playing = true;
            startNanos = nowNanos;
            nextSlot = 0;
        }
    }

    /** RTP time of the next frame to go out, for RTP-Info. */
    long nextTimestamp90k() {
        return timestampOf(nextSlot);
    }

    private long timestampOf(long slot) {
        Clip clip = mount.clip();
        long jump = mount.timestampJump90k() - jumpBaseline90k;
        return (initialTimestamp90k + slot * clip.frameDuration90k() + jump) & 0xFFFFFFFFL;
    }

    /** Sends every frame that is due by {@code nowNanos}; called by the event loop's ticker. */
    void tick(long nowNanos) {
        if (!playing) {
            return;
        }
        Clip clip = mount.clip();
        long dueSlot = (nowNanos - startNanos) / clip.frameDurationNanos();
        if (dueSlot - nextSlot > MAX_LAG_FRAMES) {
            framesDropped += dueSlot - MAX_LAG_FRAMES - nextSlot;
            nextSlot = dueSlot - MAX_LAG_FRAMES;
            awaitingKeyframe = true;
        }
        boolean sent = false;
        for (; nextSlot <= dueSlot; nextSlot++) {
            AccessUnit frame = clip.frame(nextSlot);
            if (mount.paused() || !sink.isWritable()) {
                awaitingKeyframe = true; // whatever follows a gap cannot be decoded before the next keyframe
                framesDropped++;
            } else if (awaitingKeyframe && !frame.keyframe()) {
                framesDropped++;
            } else {
                awaitingKeyframe = false;
                sink.send(mount.outgoing(frame), timestampOf(nextSlot));
                framesSent++;
                sent = true;
            }
        }
        if (sent) {
            sink.flush();
        }
    }
}
