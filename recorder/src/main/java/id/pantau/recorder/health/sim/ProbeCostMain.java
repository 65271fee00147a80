package id.pantau.recorder.health.sim;

import id.pantau.recorder.health.probe.LinkProbes;
import id.pantau.recorder.health.probe.ProbeTarget;
import id.pantau.recorder.health.state.ProbeResult;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark driver (bench/health): TCP-connect probes of {@code links} targets every {@code intervalMs}, as the
 * health monitor sends them, through {@link LinkProbes}; prints this process's CPU share and the probe latencies
 * over the window after a warm-up. Usage: {@code ProbeCostMain host port links intervalMs warmupS windowS}.
 */
public final class ProbeCostMain {

    private ProbeCostMain() {
    }

    public static void main(String[] args) throws Exception {
        ProbeTarget target = ProbeTarget.parse(args[0] + ":" + args[1]);
        int links = Integer.parseInt(args[2]);
        long intervalMs = Long.parseLong(args[3]);
        long warmupMs = Long.parseLong(args[4]) * 1000;
        long windowMs = Long.parseLong(args[5]) * 1000;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        int failed = 0;
        try (LinkProbes probes = new LinkProbes(4, Clock.systemUTC())) {
            long start = System.nanoTime();
            long cpuAtWindow = -1;
            long windowStart = 0;
            for (long round = 0; ; round++) {
                long roundAt = start + TimeUnit.MILLISECONDS.toNanos(round * intervalMs);
                long sleep = roundAt - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
                long elapsedMs = (System.nanoTime() - start) / 1_000_000;
                if (cpuAtWindow < 0 && elapsedMs >= warmupMs) {
                    cpuAtWindow = os.getProcessCpuTime();
                    windowStart = System.nanoTime();
                    latencies.clear();
                    failed = 0;
                }
                if (elapsedMs >= warmupMs + windowMs) {
                    break;
                }
                List<CompletableFuture<ProbeResult>> sent = new ArrayList<>(links);
                for (int i = 0; i < links; i++) {
                    sent.add(probes.probe(target, 1000));
                }
                for (CompletableFuture<ProbeResult> f : sent) {
                    ProbeResult r = f.get(5, TimeUnit.SECONDS);
                    if (r.answered()) {
                        latencies.add(r.latencyMs());
                    } else {
                        failed++;
                    }
                }
            }
            double cpu = (os.getProcessCpuTime() - cpuAtWindow) / (double) (System.nanoTime() - windowStart);
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "pantau-link-probes links=%d interval_ms=%d probes=%d failed=%d "
                    + "cpu_pct=%.2f p50_ms=%d p99_ms=%d rss_mib=%d%n", links, intervalMs, sorted.size() + failed,
                    failed, cpu * 100, pct(sorted, 0.5), pct(sorted, 0.99), rssMib());
        }
    }

    private static long pct(List<Long> sorted, double q) {
        return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }

    private static long rssMib() throws Exception {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
