package id.pantau.recorder.health.state;

/** How a network link under cameras is doing. */
public enum LinkHealthState {
    /** Probes answer, without loss or delay beyond the thresholds. */
    UP,
    /** Probes answer, but with loss or delay beyond the thresholds: video may stutter. */
    DEGRADED,
    /** Probes fail: nothing behind the link can be reached. */
    DOWN;

    /** Whether traffic passes (UP or DEGRADED): what uptime counts. */
    public boolean passesTraffic() {
        return this != DOWN;
    }
}
