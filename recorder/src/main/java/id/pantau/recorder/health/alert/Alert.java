package id.pantau.recorder.health.alert;

import id.pantau.recorder.health.history.SubjectKind;
import java.util.List;

/**
 * One notice to the NOC about one root cause. {@code suppressed} counts the flaps of this root cause that were
 * held back since its last alert. {@code id} is 0 until stored; the delivery statuses are null until tried.
 */
public record Alert(long id, String rootKey, AlertKind kind, SubjectKind subjectKind, String subjectId,
                    String state, String previousState, long atWallMs, String message, List<String> cameras,
                    int suppressed, String webhookStatus, String mqttStatus) {

    public Alert withId(long newId) {
        return new Alert(newId, rootKey, kind, subjectKind, subjectId, state, previousState, atWallMs, message,
                cameras, suppressed, webhookStatus, mqttStatus);
    }

    /** The alert as JSON, the body of the webhook and the MQTT message. */
    public String toJson() {
        return new Json().field("id", id).field("rootCause", rootKey).field("kind", kind.name())
                .field("subjectKind", subjectKind.name()).field("subjectId", subjectId).field("state", state)
                .field("previousState", previousState).field("at", java.time.Instant.ofEpochMilli(atWallMs).toString())
                .field("atWallMs", atWallMs).field("message", message).field("cameras", cameras)
                .field("suppressedFlaps", suppressed).end();
    }
}
