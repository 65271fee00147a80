package id.pantau.recorder.health.history;

/** A subject's change of state at a wall time, with the reason in plain words. */
public record Transition(SubjectKind kind, String subjectId, long atWallMs, String state, String previousState,
                         String reason) {
}
