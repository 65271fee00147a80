package id.pantau.recorder.virtualcam;

import id.pantau.recorder.virtualcam.media.ClipLibrary;
import id.pantau.recorder.virtualcam.media.SendTimeSei;
import id.pantau.recorder.virtualcam.rtp.NalPacketizer;
import id.pantau.recorder.virtualcam.rtsp.DigestAuthenticator;
import id.pantau.recorder.virtualcam.rtsp.Mount;
import id.pantau.recorder.virtualcam.rtsp.MountRegistry;
import id.pantau.recorder.virtualcam.rtsp.PlaybackScheduler;
import id.pantau.recorder.virtualcam.rtsp.RtspChannelInitializer;
import id.pantau.recorder.virtualcam.rtsp.SessionRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * RTSP 1.0 server of virtual cameras: each mount path plays a pre-encoded H.264 or H.265 file in a loop, in real
 * time, without re-encoding, over RTP interleaved on the RTSP connection. Clips are held once per file and every
 * session is only a cursor, so one process serves hundreds of paths.
 */
public final class VirtualCameraServer implements AutoCloseable {

    /** Frame rate assumed for Annex-B files, which carry no timestamps. */
    public static final int FRAME_RATE = 25;
    static final String REALM = "Pantau virtual camera";
    private static final long TICK_MICROS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(VirtualCameraServer.class);

    private final InetSocketAddress bind;
    private final int threads;
    private final ClipLibrary clips = new ClipLibrary(FRAME_RATE);
    private final MountRegistry mounts = new MountRegistry();
    private final SessionRegistry sessions = new SessionRegistry();
    private final PlaybackScheduler scheduler;
    private volatile LongSupplier sendTimeStampMs;
    private EventLoopGroup group;
    private Channel serverChannel;

    public VirtualCameraServer(InetSocketAddress bind) {
        this(bind, 0, System::nanoTime);
    }

    /** {@code threads} 0 means one event loop per core. */
    public VirtualCameraServer(InetSocketAddress bind, int threads, LongSupplier nanoClock) {
        this.bind = bind;
        this.threads = threads;
        this.scheduler = new PlaybackScheduler(nanoClock, TICK_MICROS);
    }

    /** Mounts made after this call stamp each frame's wall-clock send time in an SEI ({@link SendTimeSei}). */
    public VirtualCameraServer stampSendTime(LongSupplier wallClockMs) {
        this.sendTimeStampMs = wallClockMs;
        return this;
    }

    /** Serves {@code mediaFile} (.h264 or .h265 Annex-B) at {@code path}, e.g. "cam1/main". */
    public void mount(String path, Path mediaFile) {
        mount(path, mediaFile, null);
    }

    /** As {@link #mount(String, Path)}, demanding Digest authentication with {@code digest} when not null. */
    public void mount(String path, Path mediaFile, Credentials digest) {
        String normalized = MountRegistry.normalize(path);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("A mount needs a non-empty path");
        }
        DigestAuthenticator authenticator = digest == null
                ? null : new DigestAuthenticator(REALM, digest.username(), digest.password());
        mounts.add(new Mount(normalized, clips.load(mediaFile), authenticator, sendTimeStampMs));
    }

    /** Fault-injection handle of a mounted path. */
    public MountControl control(String path) {
        Mount mount = mounts.get(path);
        if (mount == null) {
            throw new IllegalArgumentException("Not mounted: " + path);
        }
        return new MountControl(mount);
    }

    public synchronized VirtualCameraServer start() {
        if (serverChannel != null) {
            throw new IllegalStateException("Already started");
        }
        group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("virtualcam"),
                NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // bounds what a slow client can pile up; past it the session skips to the next keyframe
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(128 * 1024, 512 * 1024))
                .childHandler(new RtspChannelInitializer(mounts, sessions, scheduler,
                        NalPacketizer.DEFAULT_MAX_PAYLOAD_BYTES));
        try {
            serverChannel = bootstrap.bind(bind).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("Interrupted while binding " + bind, e);
        }
        log.info("Virtual cameras listening on rtsp://{}:{}/ with {} mounts of {} clips",
                bind.getHostString(), port(), mounts.size(), clips.size());
        return this;
    }

    public int port() {
        if (serverChannel == null) {
            throw new IllegalStateException("Not started");
        }
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** rtsp:// URL of a mounted path on this server's bound address. */
    public String url(String path) {
        String host = bind.getAddress() == null || bind.getAddress().isAnyLocalAddress()
                ? "127.0.0.1" : bind.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "rtsp://" + host + ":" + port() + "/" + MountRegistry.normalize(path);
    }

    /** Sessions set up and not yet torn down or disconnected, over all mounts. */
    public int activeSessions() {
        return sessions.size();
    }

    /** Distinct media files held in memory; mounts of the same file share one. */
    public int loadedClips() {
        return clips.size();
    }

    /** Sessions being paced right now (set up and playing). */
    public int playingSessions() {
        return scheduler.playingSessions();
    }

    @Override
    public synchronized void close() {
        if (group == null) {
            return;
        }
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        scheduler.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        group = null;
        serverChannel = null;
    }
}
