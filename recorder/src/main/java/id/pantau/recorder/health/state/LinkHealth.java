package id.pantau.recorder.health.state;

import java.util.List;

/**
 * Decides a link's state from its recent probes. Pure: the same window and previous state always give the same
 * verdict, so it is tested by tables.
 */
public final class LinkHealth {

    private LinkHealth() {
    }

    /**
     * @param previous the link's state so far (null before its first verdict)
     * @param window   the most recent probes, oldest first
     * @return the new verdict, or null when there is nothing to judge yet
     */
    public static Verdict<LinkHealthState> decide(LinkHealthState previous, List<ProbeResult> window,
                                                   LinkThresholds t) {
        if (window.isEmpty()) {
            return previous == null ? null : Verdict.of(previous, "no probe yet");
        }
        ProbeResult last = window.get(window.size() - 1);
        int failuresInARow = trailing(window, false);
        if (failuresInARow >= t.downAfterFailures()) {
            // the outage began with the first of the failed probes, not when enough of them had failed
            return Verdict.since(LinkHealthState.DOWN, failuresInARow + " probes failed: " + last.detail(),
                    window.get(window.size() - failuresInARow).atWallMs());
        }
        int answersInARow = trailing(window, true);
        if (previous == LinkHealthState.DOWN && answersInARow < t.upAfterSuccesses()) {
            // one answer after an outage is not a repaired link yet
            return Verdict.of(LinkHealthState.DOWN, "answering again, awaiting confirmation");
        }
        if (previous == null && failuresInARow > 0) {
            return null;
        }
        long since = previous == LinkHealthState.DOWN ? window.get(window.size() - answersInARow).atWallMs() : -1;
        // an outage is not loss: judge only the probes after the last run of failures long enough to be one
        List<ProbeResult> recent = window.subList(afterLastOutage(window, t.downAfterFailures()), window.size());
        long failed = recent.stream().filter(p -> !p.answered()).count();
        double loss = (double) failed / recent.size();
        if (failed > 0 && loss >= t.degradedLossRatio()) {
            return Verdict.since(LinkHealthState.DEGRADED, String.format(java.util.Locale.ROOT,
                    "%d of %d probes failed", failed, recent.size()), since);
        }
        long latency = medianLatencyMs(recent);
        if (latency >= t.degradedLatencyMs()) {
            return Verdict.since(LinkHealthState.DEGRADED, "probe latency " + latency + " ms", since);
        }
        return Verdict.since(LinkHealthState.UP, "probe latency " + latency + " ms", since);
    }

    /**
     * A link without a probe target, judged by its cameras: all of at least {@code minCameras} dark at once is
     * a link outage (independent cameras rarely fail together); any camera delivering proves the link up.
     *
     * @return the verdict, or null when the cameras cannot tell (too few, or none observed yet)
     */
    public static Verdict<LinkHealthState> inferFromCameras(int observed, int dark, int minCameras) {
        if (observed == 0) {
            return null;
        }
        if (dark < observed) {
            return Verdict.of(LinkHealthState.UP, (observed - dark) + " of " + observed + " cameras deliver video");
        }
        return observed >= minCameras
                ? Verdict.of(LinkHealthState.DOWN, "all " + observed + " cameras behind it are dark") : null;
    }

    /** Median latency of the answered probes in the window; 0 when none answered. */
    public static long medianLatencyMs(List<ProbeResult> window) {
        long[] l = window.stream().filter(ProbeResult::answered).mapToLong(ProbeResult::latencyMs).sorted().toArray();
        return l.length == 0 ? 0 : l[l.length / 2];
    }

    /** Share of failed probes in the window (0 for an empty window). */
    public static double lossRatio(List<ProbeResult> window) {
        return window.isEmpty() ? 0 : (double) window.stream().filter(p -> !p.answered()).count() / window.size();
    }

    private static int afterLastOutage(List<ProbeResult> window, int outageLength) {
        int run = 0;
        for (int i = window.size() - 1; i >= 0; i--) {
            run = window.get(i).answered() ? 0 : run + 1;
            if (run >= outageLength) {
                int end = i;
                while (end < window.size() && !window.get(end).answered()) {
                    end++;
                }
                return end;
            }
        }
        return 0;
    }

    private static int trailing(List<ProbeResult> window, boolean answered) {
        int n = 0;
        for (int i = window.size() - 1; i >= 0 && window.get(i).answered() == answered; i--) {
            n++;
        }
        return n;
    }
}
