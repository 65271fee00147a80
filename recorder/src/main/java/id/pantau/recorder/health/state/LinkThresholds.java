package id.pantau.recorder.health.state;

/**
 * When a link counts as down or degraded.
 *
 * @param downAfterFailures  consecutive failed probes that make a link DOWN
 * @param upAfterSuccesses   consecutive answered probes that bring a DOWN link back
 * @param degradedLossRatio  share of failed probes in the window from which the link is DEGRADED (e.g. 0.2)
 * @param degradedLatencyMs  median probe latency in the window from which the link is DEGRADED
 */
public record LinkThresholds(int downAfterFailures, int upAfterSuccesses, double degradedLossRatio,
                             long degradedLatencyMs) {

    public LinkThresholds {
        if (downAfterFailures < 1 || upAfterSuccesses < 1) {
            throw new IllegalArgumentException("downAfterFailures and upAfterSuccesses must be at least 1");
        }
    }

    public static LinkThresholds defaults() {
        return new LinkThresholds(2, 2, 0.2, 250);
    }
}
