package id.pantau.recorder.ingest.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SO_RCVLOWAT batching: the decisions as tables, and the real kernel holding and releasing a stream's bytes. */
class ReceiveBatchingTest {

    static EventLoopGroup group;

    @BeforeAll
    static void epoll() {
        // the CI machines are Linux x86-64, where the native transport ships with the recorder: not optional there
        assertThat(Epoll.isAvailable()).as("epoll transport: %s", Epoll.unavailabilityCause()).isTrue();
        group = new MultiThreadIoEventLoopGroup(1, RtspTransport.EPOLL.ioHandlerFactory());
    }

    @AfterAll
    static void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @ParameterizedTest(name = "{0} B/s, allowed {1} -> {2}")
    @CsvSource({
        // 2 Mbit/s main stream: a quarter second is 62.5 KB
        "250000, true, 62500",
        // 8 Mbit/s: capped
        "1000000, true, 65536",
        // a 512 kbit/s sub-stream still batches 16 KB
        "64000, true, 16000",
        // 128 kbit/s: 4 KB, just enough
        "16384, true, 4096",
        // thinner: not worth it
        "16000, true, 1",
        "0, true, 1",
        // someone watches live: never
        "250000, false, 1",
    })
    void lowWaterMark(long bytesPerSecond, boolean allowed, int expected) {
        assertThat(ReceiveBatching.lowWaterBytes(bytesPerSecond, allowed)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "1, 1, false",
        "1, 62500, true",
        "62500, 1, true",
        "62500, 62500, false",
        // a tick that caught one batch more or less: not worth a system call
        "62500, 50000, false",
        "62500, 65536, false",
        "62500, 40000, true",
        "16000, 32000, true",
    })
    void changesOnlyWhenItMatters(int current, int wanted, boolean change) {
        assertThat(ReceiveBatching.worthChanging(current, wanted)).isEqualTo(change);
    }

    @ParameterizedTest(name = "{0} then {1} -> {2}")
    @CsvSource({
        "-1, 250000, 250000",
        "250000, 250000, 250000",
        "250000, 130000, 220000",
        "250000, 370000, 280000",
        "250000, 0, 187500",
    })
    void smoothsOverTicks(long previous, long sample, long expected) {
        assertThat(ReceiveBatching.smooth(previous, sample)).isEqualTo(expected);
    }

    @Test
    void onlyEpollConnectionsBatch() {
        assertThat(ReceiveBatching.forChannel(new EmbeddedChannel())).isNull();
        assertThat(ReceiveBatching.forChannel(new NioSocketChannel())).isNull();
    }

    @Test
    void theKernelHoldsBytesBelowTheMarkAndHandsThemOverWhenATickFindsNothingRead() throws Exception {
        AtomicLong received = new AtomicLong();
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        Channel acceptor = new ServerBootstrap().group(group).channel(EpollServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        accepted.complete(ch);
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        Channel client = new Bootstrap().group(group).channel(RtspTransport.EPOLL.channelClass())
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        received.addAndGet(((ByteBuf) msg).readableBytes());
                        ((ByteBuf) msg).release();
                    }
                }).connect(acceptor.localAddress()).sync().channel();
        try {
            Channel camera = accepted.get(5, TimeUnit.SECONDS);
            ReceiveBatching batching = ReceiveBatching.forChannel(client);
            assertThat(batching).isNotNull();

            // a 2 Mbit/s stream for one tick: the mark goes to a quarter second of it, as the socket reports
            client.eventLoop().submit(() -> {
                batching.received(125_000);
                batching.tick(true);
            }).sync();
            assertThat(batching.lowWaterBytes()).isEqualTo(62_500);
            assertThat(client.config().getOption(ReceiveBatching.SO_RCVLOWAT)).isEqualTo(62_500);

            // less than the mark arrives: the kernel keeps it
            camera.writeAndFlush(Unpooled.wrappedBuffer(new byte[1000])).sync();
            Thread.sleep(300);
            assertThat(received.get()).as("bytes below the mark wait in the kernel").isZero();

            // the next tick read nothing: batching off, and the held bytes come at once
            client.eventLoop().submit(() -> batching.tick(true)).sync();
            assertThat(client.config().getOption(ReceiveBatching.SO_RCVLOWAT)).isEqualTo(ReceiveBatching.OFF);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (received.get() < 1000 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(received.get()).isEqualTo(1000);

            // watched live: off even for a thick stream
            client.eventLoop().submit(() -> {
                batching.received(125_000);
                batching.tick(false);
            }).sync();
            assertThat(client.config().getOption(ReceiveBatching.SO_RCVLOWAT)).isEqualTo(ReceiveBatching.OFF);
        } finally {
            client.close().sync();
            acceptor.close().sync();
        }
    }
}
