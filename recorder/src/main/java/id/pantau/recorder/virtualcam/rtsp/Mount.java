package id.pantau.recorder.virtualcam.rtsp;

import id.pantau.recorder.virtualcam.media.AccessUnit;
import id.pantau.recorder.virtualcam.media.Clip;
import id.pantau.recorder.virtualcam.media.SendTimeSei;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** One virtual camera path: the clip it plays, its optional Digest guard, and the faults it can be told to show. */
public final class Mount {

    private final String path;
    private final Clip clip;
    private final DigestAuthenticator authenticator;
    private final LongSupplier sendTimeStampMs;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Set<PlaybackSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong timestampJump90k = new AtomicLong();
    private volatile boolean paused;
    private volatile boolean refusing;

    public Mount(String path, Clip clip, DigestAuthenticator authenticator) {
        this(path, clip, authenticator, null);
    }

    /** {@code sendTimeStampMs}: when not null, every frame sent carries its wall-clock send time in an SEI. */
    public Mount(String path, Clip clip, DigestAuthenticator authenticator, LongSupplier sendTimeStampMs) {
        this.path = path;
        this.clip = clip;
        this.authenticator = authenticator;
        this.sendTimeStampMs = sendTimeStampMs;
    }

    public String path() {
        return path;
    }

    public Clip clip() {
        return clip;
    }

    /** {@code frame} as it goes out now: stamped with the send time when this mount stamps. */
    AccessUnit outgoing(AccessUnit frame) {
        return sendTimeStampMs == null ? frame
                : SendTimeSei.stamp(frame, clip.codec(), sendTimeStampMs.getAsLong());
    }

    public Optional<DigestAuthenticator> authenticator() {
        return Optional.ofNullable(authenticator);
    }

    /** Remembers a connection that asked for this mount, so {@link #disconnectAll()} can drop it. */
    void attach(Channel connection) {
        connections.add(connection); // the group forgets a channel by itself once it closes
    }

    void addSession(PlaybackSession session) {
        sessions.add(session);
    }

    void removeSession(PlaybackSession session) {
        sessions.remove(session);
    }

    public int sessionCount() {
        return sessions.size();
    }

    /** Stops sending media while connections stay open, as a stalled camera does. */
    public void pause() {
        paused = true;
    }

    /** Sends media again from the next keyframe due in real time. */
    public void resume() {
        paused = false;
    }

    public boolean paused() {
        return paused;
    }

    /** While set, requests for this mount are answered 503 Service Unavailable, as a camera that is down. */
    public void setRefuseConnections(boolean refuse) {
        refusing = refuse;
    }

    public boolean refusing() {
        return refusing;
    }

    /** Closes every connection that asked for this mount, as a camera that went away. */
    public void disconnectAll() {
        connections.close();
    }

    /** Shifts the RTP timestamps of packets sent from now on by {@code delta90k}, as a camera whose clock jumps. */
    public void jumpTimestamps(long delta90k) {
        timestampJump90k.addAndGet(delta90k);
    }

    public long timestampJump90k() {
        return timestampJump90k.get();
    }
}
