package id.pantau.recorder.health.alert;

/** What an alert says about its root cause. */
public enum AlertKind {
    /** A new problem. */
    RAISED,
    /** A known problem changed (a degraded link went down). */
    CHANGED,
    /** A known problem is over. */
    RECOVERED
}
