package id.pantau.recorder.health.history;

import id.pantau.recorder.health.state.CameraHealthState;
import id.pantau.recorder.health.state.LinkHealthState;

/** What a health state belongs to, and how each of its states counts for uptime. */
public enum SubjectKind {
    LINK,
    CAMERA;

    /** The state recorded while a subject was not monitored (the server was down). */
    public static final String UNKNOWN = "UNKNOWN";

    /** How a recorded state counts for uptime. */
    public enum Counts { UP, DOWN, EXCLUDED, UNKNOWN }

    public Counts counts(String state) {
        if (state == null || state.equals(UNKNOWN)) {
            return Counts.UNKNOWN;
        }
        if (this == LINK) {
            return LinkHealthState.valueOf(state).passesTraffic() ? Counts.UP : Counts.DOWN;
        }
        CameraHealthState s = CameraHealthState.valueOf(state);
        return !s.expected() ? Counts.EXCLUDED : s.delivers() ? Counts.UP : Counts.DOWN;
    }
}
