package id.pantau.recorder.health.alert;

import id.pantau.recorder.health.history.SubjectKind;
import java.util.List;

/**
 * A root-cause subject changed state: a link, or a camera whose own fault it is. Cameras going dark because
 * their link is down are not changes of their own; they travel in {@code cameras} of their link's change.
 *
 * @param cameras the cameras this change darkens or brings back (a link's enabled cameras), else empty
 */
public record HealthChange(SubjectKind kind, String subjectId, String subjectName, String state,
                           String previousState, long atWallMs, String reason, List<String> cameras) {

    public String rootKey() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + subjectId;
    }

    /** A state worth raising: a link DOWN or DEGRADED, a camera CAMERA_FAULT or DEGRADED. */
    public boolean problem() {
        return switch (kind) {
            case LINK -> state.equals("DOWN") || state.equals("DEGRADED");
            case CAMERA -> state.equals("CAMERA_FAULT") || state.equals("DEGRADED");
        };
    }
}
