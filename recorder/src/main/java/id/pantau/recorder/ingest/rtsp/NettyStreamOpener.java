package id.pantau.recorder.ingest.rtsp;

import id.pantau.recorder.ingest.CameraConfig;
import id.pantau.recorder.ingest.IngestFailure;
import id.pantau.recorder.ingest.IngestFailure.Kind;
import id.pantau.recorder.ingest.PacketSource;
import id.pantau.recorder.ingest.RtspUrls;
import id.pantau.recorder.ingest.StreamInfo;
import id.pantau.recorder.ingest.StreamOpener;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens RTSP camera streams with the recorder's own Netty RTSP client. All cameras share one small event loop
 * group that reads every connection in large chunks and depacketizes RTP in Java; each camera's ingest thread
 * only takes finished access units. Nothing of FFmpeg runs here.
 */
public final class NettyStreamOpener implements StreamOpener {

    private static final Logger LOG = LoggerFactory.getLogger(NettyStreamOpener.class);
    private static final int READ_BUFFER_MAX_BYTES = 256 * 1024;
    private static volatile NettyStreamOpener shared;

    private final EventLoopGroup group;
    private final RtspTransport transport;

    /** @param group event loops of {@code transport}'s kind (an epoll group cannot run NIO channels) */
    NettyStreamOpener(EventLoopGroup group, RtspTransport transport) {
        this.group = group;
        this.transport = transport;
    }

    /** The process-wide opener: one event loop per core, at most two, as daemon threads that live as long as the JVM. */
    public static NettyStreamOpener shared() {
        NettyStreamOpener opener = shared;
        if (opener == null) {
            synchronized (NettyStreamOpener.class) {
                opener = shared;
                if (opener == null) {
                    int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
                    RtspTransport transport = RtspTransport.select();
                    opener = new NettyStreamOpener(new MultiThreadIoEventLoopGroup(threads,
                            new DefaultThreadFactory("rtsp-ingest", true), transport.ioHandlerFactory()), transport);
                    LOG.info("RTSP ingest: {} event loops over {}", threads, transport);
                    shared = opener;
                }
            }
        }
        return opener;
    }

    @Override
    public PacketSource open(CameraConfig camera) throws IngestFailure {
        RtspTarget target;
        try {
            target = RtspTarget.parse(camera.url());
        } catch (IllegalArgumentException e) {
            throw new IngestFailure(Kind.MALFORMED, "not an RTSP URL: " + RtspUrls.redact(camera.url()));
        }
        long openMs = camera.openTimeout().toMillis();
        long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(openMs);
        RtspPacketSource source = new RtspPacketSource(camera.stallTimeout().toMillis());
        RtspClientHandler handler = new RtspClientHandler(target, camera.transport(), camera.label(), source);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.channelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(openMs, Integer.MAX_VALUE))
                // few large reads: a camera's RTP arrives in bursts of a frame's packets
                .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(2048, 16 * 1024,
                        READ_BUFFER_MAX_BYTES))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast("framing", new RtspClientFraming()).addLast("session", handler);
                    }
                });
        ChannelFuture connect = bootstrap.connect(target.host(), target.port());
        source.attach(connect.channel(), handler);
        try {
            if (!connect.await(remainingMs(deadlineNanos))) {
                throw RtspFailures.noAnswer(openMs);
            }
            if (!connect.isSuccess()) {
                throw RtspFailures.forConnect(connect.cause(), openMs);
            }
            StreamInfo info = source.awaitOpen(remainingMs(deadlineNanos), openMs);
            if (info.format().width() <= 0 || info.format().height() <= 0) {
                throw new IngestFailure(Kind.MALFORMED, "malformed stream: unreadable sequence parameter set");
            }
            return source;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connect.channel().close();
            throw new IngestFailure(Kind.ENDED, "stopped");
        } catch (IngestFailure | RuntimeException e) {
            connect.channel().close();
            throw e;
        }
    }

    private static long remainingMs(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }
}
