package id.pantau.recorder.health.probe;

import id.pantau.recorder.health.state.ProbeResult;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An echo request through {@link InetAddress#isReachable}. With the privilege to open raw sockets (root or
 * CAP_NET_RAW) the JDK sends a real ICMP echo; without it, it falls back to a TCP connect to port 7 (echo),
 * where a refusal proves the host reachable and silence does not. So an unprivileged recorder still tells a
 * silent, cut link from a live host, but a firewall dropping port 7 makes a live host look down: give such
 * links a {@code tcp://} target instead. Blocking, so it runs on the probe pool, never on recording threads.
 */
final class IcmpProbe implements LinkProbe {
    private final Executor pool;
    private final Clock clock;

    IcmpProbe(Executor pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<ProbeResult> probe(ProbeTarget target, long timeoutMs) {
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            try {
                boolean reachable = InetAddress.getByName(target.host()).isReachable((int) Math.max(1, timeoutMs));
                long latencyMs = (System.nanoTime() - start) / 1_000_000;
                return reachable ? ProbeResult.answered(latencyMs, clock.millis())
                        : ProbeResult.failed("no echo reply within " + timeoutMs + " ms", clock.millis());
            } catch (IOException e) {
                return ProbeResult.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.millis());
            }
        }, pool);
    }
}
