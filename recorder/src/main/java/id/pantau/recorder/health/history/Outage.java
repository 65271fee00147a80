package id.pantau.recorder.health.history;

/**
 * An unbroken stretch of down states (a camera's CAMERA_FAULT and LINK_DOWN in a row are one outage), clipped to
 * the window asked for. {@code endMs} is null while it lasts; {@code cause} is the state it began with.
 */
public record Outage(SubjectKind kind, String subjectId, long startMs, Long endMs, String cause, String reason) {

    public boolean ongoing() {
        return endMs == null;
    }

    /** Duration up to its end, or up to {@code nowMs} while it lasts. */
    public long durationMs(long nowMs) {
        return (endMs == null ? nowMs : endMs) - startMs;
    }
}
