package id.pantau.recorder.health.sim;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A network link in a box: a TCP proxy between a recorder and the cameras behind it that can be cut (new
 * connections refused, open ones dropped, as when a fiber is cut), restored, delayed, or made lossy. Loss is
 * what TCP makes of it: a lost segment is retransmitted, so a chunk is held back by the retransmission time,
 * in order, and the stream stays intact. For tests, benchmarks and demonstrations; binds where it is told.
 */
public final class LinkSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LinkSimulator.class);

    private final InetSocketAddress listen;
    private final InetSocketAddress upstream;
    private final EventLoopGroup group;
    private final ChannelGroup open = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private volatile Channel server;
    private volatile int port;
    private volatile long delayMs;
    private volatile double lossRatio;
    private volatile long retransmitMs = 200;

    public LinkSimulator(InetSocketAddress listen, InetSocketAddress upstream) {
        this.listen = listen;
        this.upstream = upstream;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("link-sim", true),
                NioIoHandler.newFactory());
    }

    public synchronized LinkSimulator start() {
        bind(listen);
        log.info("link simulator {} -> {}", server.localAddress(), upstream);
        return this;
    }

    /** The port the link listens on (fixed after the first start, so a restore keeps it). */
    public int port() {
        return port;
    }

    /** The fiber is cut: new connections are refused and every open one is dropped. */
    public synchronized void cut() {
        if (server != null) {
            server.close().syncUninterruptibly();
            server = null;
        }
        open.close().syncUninterruptibly();
        log.info("link simulator {}: cut", port);
    }

    /** The fiber is spliced: connections are accepted again on the same port. */
    public synchronized void restore() {
        if (server == null) {
            bind(new InetSocketAddress(listen.getAddress(), port));
            log.info("link simulator {}: restored", port);
        }
    }

    public boolean isCut() {
        return server == null;
    }

    /** Extra one-way delay for every chunk in either direction. */
    public void delay(long ms) {
        this.delayMs = Math.max(0, ms);
    }

    /** Each chunk is lost (and so retransmitted {@code retransmitMs} later) with this probability. */
    public void loss(double ratio, long retransmitMs) {
        this.lossRatio = Math.max(0, Math.min(1, ratio));
        this.retransmitMs = Math.max(0, retransmitMs);
    }

    /** Connections through the link, counting both sides. */
    public int openConnections() {
        return open.size();
    }

    private void bind(InetSocketAddress address) {
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new Downstream());
                    }
                });
        server = b.bind(address).syncUninterruptibly().channel();
        port = ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** When a chunk leaves the link: after the delay, plus a retransmission if it was lost. */
    private long releaseAtNanos() {
        long at = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs);
        double loss = lossRatio;
        if (loss > 0 && ThreadLocalRandom.current().nextDouble() < loss) {
            at += TimeUnit.MILLISECONDS.toNanos(retransmitMs);
        }
        return at;
    }

    /** The recorder's side: connects to the camera side before reading anything. */
    private final class Downstream extends Relay {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel in = ctx.channel();
            open.add(in);
            Upstream up = new Upstream(in);
            new Bootstrap().group(in.eventLoop()).channel(NioSocketChannel.class)
                    .option(ChannelOption.AUTO_READ, true)
                    .handler(up)
                    .connect(upstream).addListener((ChannelFutureListener) f -> {
                        if (f.isSuccess()) {
                            peer = f.channel();
                            open.add(peer);
                            in.config().setAutoRead(true);
                        } else {
                            in.close();
                        }
                    });
        }
    }

    /** The camera side of one connection. */
    private final class Upstream extends Relay {
        Upstream(Channel peer) {
            this.peer = peer;
        }
    }

    /**
     * Forwards what one side reads to the other, late as the link says and strictly in order (a chunk held back
     * holds back those behind it, as TCP does), pausing reads while the other side is full. Event loop only.
     */
    private class Relay extends ChannelInboundHandlerAdapter {
        volatile Channel peer;
        private final ArrayDeque<Held> held = new ArrayDeque<>();
        private boolean drainScheduled;

        private record Held(Object msg, long releaseAtNanos) {}

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Channel to = peer;
            if (to == null || !to.isActive()) {
                ReferenceCountUtil.release(msg);
                return;
            }
            held.addLast(new Held(msg, releaseAtNanos()));
            drain(ctx);
        }

        private void drain(ChannelHandlerContext ctx) {
            Channel to = peer;
            long now = System.nanoTime();
            while (!held.isEmpty() && held.peekFirst().releaseAtNanos() <= now) {
                to.writeAndFlush(held.pollFirst().msg());
            }
            if (!to.isWritable()) {
                ctx.channel().config().setAutoRead(false);
            }
            if (!held.isEmpty() && !drainScheduled) {
                drainScheduled = true;
                ctx.executor().schedule(() -> {
                    drainScheduled = false;
                    drain(ctx);
                }, held.peekFirst().releaseAtNanos() - now, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            Channel to = peer;
            if (ctx.channel().isWritable() && to != null) {
                to.config().setAutoRead(true);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            held.forEach(h -> ReferenceCountUtil.release(h.msg()));
            held.clear();
            Channel to = peer;
            if (to != null) {
                to.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    @Override
    public synchronized void close() {
        cut();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
