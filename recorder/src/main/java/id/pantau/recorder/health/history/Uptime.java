package id.pantau.recorder.health.history;

/**
 * Time in a window by how it counts: up, down, excluded (a disabled camera) and unknown (not monitored). The
 * ratio is up over up plus down: neither a switched-off camera nor the monitor's own downtime is held against a
 * camera or a vendor.
 */
public record Uptime(long upMs, long downMs, long excludedMs, long unknownMs) {

    /** Up share of the judged time, or null when nothing in the window was judged. */
    public Double ratio() {
        long judged = upMs + downMs;
        return judged == 0 ? null : (double) upMs / judged;
    }

    public Uptime plus(Uptime o) {
        return new Uptime(upMs + o.upMs, downMs + o.downMs, excludedMs + o.excludedMs, unknownMs + o.unknownMs);
    }

    public static final Uptime NONE = new Uptime(0, 0, 0, 0);
}
