package id.pantau.recorder.health.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns root-cause changes into alerts: one when a problem starts, one when it changes, one when it is over;
 * a problem that comes back within {@code reraiseHoldMs} of its recovery is held back that long, and dropped
 * with its recovery if it clears before (a flap, counted in the next alert); new problems beyond
 * {@code maxRaisedPerMinute} wait for the next minute's allowance. Not thread-safe: one monitor thread calls it.
 */
public final class AlertPolicy {

    /** Flap hold and storm limit. */
    public record Settings(long reraiseHoldMs, int maxRaisedPerMinute) {
    }

    private static final long MINUTE_MS = 60_000;

    private final Settings settings;
    private final Map<String, Incident> incidents = new HashMap<>();
    private long bucketStartMs = Long.MIN_VALUE;
    private int raisedInBucket;

    /** What the policy remembers of one root cause. */
    private static final class Incident {
        boolean announced;
        long startedAtMs;
        long quietUntilMs;
        int suppressed;
        Alert held;
        long heldUntilMs;
    }

    public AlertPolicy(Settings settings) {
        this.settings = settings;
    }

    /** Offers a change; returns the alerts to send now (ids 0). */
    public List<Alert> offer(HealthChange c, long nowMs) {
        Incident inc = incidents.computeIfAbsent(c.rootKey(), k -> new Incident());
        if (c.problem()) {
            if (inc.held != null) {
                // still held back: the alert, when it goes, tells the latest state
                inc.held = alert(c, inc.held.kind(), inc, c.atWallMs());
                return List.of();
            }
            if (!inc.announced) {
                inc.startedAtMs = c.atWallMs();
                Alert raised = alert(c, AlertKind.RAISED, inc, inc.startedAtMs);
                if (nowMs < inc.quietUntilMs) {
                    hold(inc, raised, inc.quietUntilMs);
                    return List.of();
                }
                return raise(inc, raised, nowMs);
            }
            return List.of(alert(c, AlertKind.CHANGED, inc, inc.startedAtMs));
        }
        if (inc.held != null && !inc.announced) {
            inc.held = null;
            inc.suppressed++;
            return List.of();
        }
        inc.held = null;
        if (!inc.announced) {
            return List.of();
        }
        inc.announced = false;
        inc.quietUntilMs = nowMs + settings.reraiseHoldMs();
        Alert recovered = alert(c, AlertKind.RECOVERED, inc, inc.startedAtMs);
        inc.suppressed = 0;
        return List.of(recovered);
    }

    /** Held-back alerts whose time has come, oldest first. */
    public List<Alert> due(long nowMs) {
        List<Alert> out = new ArrayList<>();
        incidents.values().stream().filter(i -> i.held != null && i.heldUntilMs <= nowMs)
                .sorted((a, b) -> Long.compare(a.held.atWallMs(), b.held.atWallMs()))
                .forEach(inc -> {
                    Alert a = inc.held;
                    inc.held = null;
                    out.addAll(raise(inc, a, nowMs));
                });
        return out;
    }

    private List<Alert> raise(Incident inc, Alert a, long nowMs) {
        if (nowMs - bucketStartMs >= MINUTE_MS) {
            bucketStartMs = nowMs;
            raisedInBucket = 0;
        }
        if (raisedInBucket >= settings.maxRaisedPerMinute()) {
            hold(inc, a, bucketStartMs + MINUTE_MS);
            return List.of();
        }
        raisedInBucket++;
        inc.announced = true;
        inc.suppressed = 0;
        return List.of(a);
    }

    private static void hold(Incident inc, Alert a, long untilMs) {
        inc.held = a;
        inc.heldUntilMs = untilMs;
    }

    private static Alert alert(HealthChange c, AlertKind kind, Incident inc, long startedAtMs) {
        return new Alert(0, c.rootKey(), kind, c.kind(), c.subjectId(), c.state(), c.previousState(), c.atWallMs(),
                AlertMessages.text(c, kind, c.atWallMs() - startedAtMs, inc.suppressed), c.cameras(), inc.suppressed,
                null, null);
    }
}
