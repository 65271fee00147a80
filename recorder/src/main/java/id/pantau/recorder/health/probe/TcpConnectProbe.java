package id.pantau.recorder.health.probe;

import id.pantau.recorder.health.state.ProbeResult;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.ConnectException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * A TCP connect to the target: answered when the handshake completes. Non-blocking on a Netty event loop, so
 * hundreds of links are probed at once on one thread. A refused connection counts as failed: the target is
 * meant to be a port that listens (a switch's SSH, a camera's RTSP).
 */
final class TcpConnectProbe implements LinkProbe {
    private final EventLoopGroup group;
    private final Clock clock;

    TcpConnectProbe(EventLoopGroup group, Clock clock) {
        this.group = group;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<ProbeResult> probe(ProbeTarget target, long timeoutMs) {
        CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        long start = System.nanoTime();
        ChannelFuture connect = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, timeoutMs))
                .handler(new ChannelInboundHandlerAdapter())
                .connect(target.host(), target.port());
        connect.addListener((ChannelFuture f) -> {
            long latencyMs = (System.nanoTime() - start) / 1_000_000;
            if (f.isSuccess()) {
                f.channel().close();
                result.complete(ProbeResult.answered(latencyMs, clock.millis()));
            } else {
                result.complete(ProbeResult.failed(describe(f.cause(), timeoutMs), clock.millis()));
            }
        });
        return result;
    }

    static String describe(Throwable cause, long timeoutMs) {
        if (cause instanceof io.netty.channel.ConnectTimeoutException) {
            return "no answer within " + timeoutMs + " ms";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return cause == null ? "failed" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
