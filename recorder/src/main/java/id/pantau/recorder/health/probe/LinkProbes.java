package id.pantau.recorder.health.probe;

import id.pantau.recorder.health.state.ProbeResult;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The link probes of a node, by target method: TCP connects on one Netty event loop of their own, echo requests
 * and RTSP round trips on a small pool of their own, SNMP requests on one UDP socket (host names resolved on
 * that pool). None of these threads records video.
 */
public final class LinkProbes implements LinkProbe, AutoCloseable {
    private final EventLoopGroup loop;
    private final ExecutorService pool;
    private final TcpConnectProbe tcp;
    private final IcmpProbe icmp;
    private final RtspOptionsProbe rtsp;
    private final SnmpProbe snmp;

    /** Without an SNMP community: snmp:// targets then fail, saying that none is configured. */
    public LinkProbes(int blockingThreads, Clock clock) {
        this(blockingThreads, clock, null);
    }

    /**
     * @param blockingThreads threads for echo and RTSP probes, which block until answered or timed out
     * @param snmpCommunity the SNMP v2c read community of the access switches, or null
     */
    public LinkProbes(int blockingThreads, Clock clock, String snmpCommunity) {
        this.loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("health-tcp-probe", true),
                NioIoHandler.newFactory());
        this.pool = Executors.newFixedThreadPool(Math.max(1, blockingThreads),
                new DefaultThreadFactory("health-probe", true));
        this.tcp = new TcpConnectProbe(loop, clock);
        this.icmp = new IcmpProbe(pool, clock);
        this.rtsp = new RtspOptionsProbe(pool, clock);
        try {
            this.snmp = new SnmpProbe(snmpCommunity, pool, clock);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot open a UDP socket for SNMP probes: " + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<ProbeResult> probe(ProbeTarget target, long timeoutMs) {
        return switch (target.method()) {
            case TCP -> tcp.probe(target, timeoutMs);
            case ICMP -> icmp.probe(target, timeoutMs);
            case RTSP -> rtsp.probe(target, timeoutMs);
            case SNMP -> snmp.probe(target, timeoutMs);
        };
    }

    /** The pool for other blocking probes (camera RTSP probes), so they too stay off the recording threads. */
    public ExecutorService blockingPool() {
        return pool;
    }

    @Override
    public void close() {
        if (snmp != null) {
            snmp.close();
        }
        pool.shutdownNow();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
