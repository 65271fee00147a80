package id.pantau.recorder.live;

import id.pantau.recorder.virtualcam.rtp.NalPacketizer;
import id.pantau.recorder.virtualcam.rtsp.RtspChannelInitializer;
import id.pantau.recorder.virtualcam.rtsp.RtspMount;
import id.pantau.recorder.virtualcam.rtsp.RtspRequestContext;
import id.pantau.recorder.virtualcam.rtsp.RtspRequestHandler;
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
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RTSP restream of every camera this node can show, at {@code rtsp://host:port/{cameraId}} (main stream) and
 * {@code /{cameraId}/sub}: clients such as VLC or a video wall get the live feed's packets as RTP, so they open no
 * session of their own on the camera. Authenticated with Basic credentials checked by a {@link RestreamGuard}.
 */
public final class RestreamServer implements AutoCloseable {

    static final String SERVER_NAME = "Pantau-Restream/1.0";
    private static final Pattern PATH = Pattern.compile("([A-Za-z0-9_.-]{1,64})(?:/(main|sub))?");
    private static final Logger log = LoggerFactory.getLogger(RestreamServer.class);

    /**
     * @param queueFrames       frames a client may fall behind before it skips to the next keyframe
     * @param describeTimeoutMs how long DESCRIBE waits for a feed that is still connecting to its camera
     */
    public record Settings(InetSocketAddress bind, int threads, int queueFrames, long describeTimeoutMs) {
    }

    private final Settings settings;
    private final LiveHub hub;
    private final RestreamGuard guard;
    private final Clock clock;
    private final SessionRegistry sessions = new SessionRegistry();
    private final ExecutorService admissions = Executors.newFixedThreadPool(2, new DefaultThreadFactory(
            "restream-auth", true));
    private EventLoopGroup group;
    private Channel serverChannel;

    public RestreamServer(Settings settings, LiveHub hub, RestreamGuard guard, Clock clock) {
        this.settings = settings;
        this.hub = hub;
        this.guard = guard;
        this.clock = clock;
    }

    public synchronized RestreamServer start() {
        group = new MultiThreadIoEventLoopGroup(settings.threads(), new DefaultThreadFactory("restream"),
                NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // a main-stream keyframe is a few hundred kilobytes; past the high mark the client's queue skips
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new RtspChannelInitializer(() -> new RtspRequestHandler(this::resolve, sessions,
                        NalPacketizer.DEFAULT_MAX_PAYLOAD_BYTES, SERVER_NAME, "Pantau live")));
        try {
            serverChannel = bootstrap.bind(settings.bind()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while binding " + settings.bind(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        } catch (Exception e) { // Netty rethrows the bind's IOException undeclared
            close();
            throw new IllegalStateException("cannot listen on " + settings.bind() + ": " + e.getMessage(), e);
        }
        log.info("RTSP restream listening on rtsp://{}:{}/{cameraId}", settings.bind().getHostString(), port());
        return this;
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** True once listening, false before {@link #start()}, after a failed start and after {@link #close()}. */
    public synchronized boolean running() {
        return serverChannel != null && serverChannel.isActive();
    }

    /** Sessions set up and not yet ended. */
    public int activeSessions() {
        return sessions.size();
    }

    /** Admission off the event loop, then the feed's format; a path that names no camera is a 404 at once. */
    private CompletionStage<RtspMount> resolve(RtspRequestContext request) {
        Matcher m = PATH.matcher(request.path());
        if (!m.matches()) {
            return CompletableFuture.completedFuture(null);
        }
        String cameraId = m.group(1);
        LiveStream stream = m.group(2) == null ? LiveStream.MAIN : LiveStream.parse(m.group(2));
        String remote = FeedMount.hostOf(request.connection());
        return CompletableFuture.supplyAsync(() -> guard.admit(request.authorization(), cameraId, stream, remote),
                        admissions)
                .thenCompose(admission -> {
                    if (admission instanceof RestreamGuard.Admission.Admitted admitted) {
                        return new FeedMount(admitted, request.path(), request.authorization(), request.connection(),
                                guard, clock).subscribe(hub, settings.queueFrames(), settings.describeTimeoutMs());
                    }
                    if (admission instanceof RestreamGuard.Admission.Unauthenticated) {
                        return CompletableFuture.failedFuture(FeedMount.unauthenticated());
                    }
                    return CompletableFuture.completedFuture(null);
                });
    }

    @Override
    public synchronized void close() {
        if (group == null) {
            return;
        }
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        admissions.shutdownNow();
        group = null;
    }
}
