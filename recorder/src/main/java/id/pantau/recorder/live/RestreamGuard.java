package id.pantau.recorder.live;

/**
 * Who may watch what over the RTSP restream, and the record of who did. {@link #admit} may block (password hashing,
 * database); it is never called on a network thread.
 */
public interface RestreamGuard {

    /** The answer to a request for a camera's stream. */
    sealed interface Admission {
        /** The user may watch {@code key} (the stream the path names, as the guard maps it). */
        record Admitted(String user, FeedKey key) implements Admission {
        }

        /** No credentials, or wrong ones: 401 with a Basic challenge. */
        record Unauthenticated() implements Admission {
        }

        /** No such camera or stream, or the user may not watch it: 404, the same for both. */
        record NotFound() implements Admission {
        }
    }

    /** {@code stream} is what the path names; {@code authorization} the request's header, or null. */
    Admission admit(String authorization, String cameraId, LiveStream stream, String remoteAddress);

    /** A viewer started playing. */
    void started(Admission.Admitted viewer, String remoteAddress);

    /** A viewer's session ended after {@code durationMs}. */
    void stopped(Admission.Admitted viewer, String remoteAddress, long durationMs);
}
