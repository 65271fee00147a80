package id.pantau.recorder.virtualcam.rtsp;

import io.netty.channel.Channel;

/** A session SETUP created: its id, the mount and connection it belongs to, where its RTP goes and what feeds it. */
public final class RtspSession {

    private final String id;
    private final RtspMount mount;
    private final Channel connection;
    private final RtpSink sink;
    private RtspPlayer player;

    RtspSession(String id, RtspMount mount, Channel connection, RtpSink sink) {
        this.id = id;
        this.mount = mount;
        this.connection = connection;
        this.sink = sink;
    }

    public String id() {
        return id;
    }

    public RtspMount mount() {
        return mount;
    }

    public Channel connection() {
        return connection;
    }

    public RtpSink sink() {
        return sink;
    }

    RtspPlayer player() {
        return player;
    }

    void player(RtspPlayer newPlayer) {
        this.player = newPlayer;
    }
}
