package id.pantau.recorder.ingest;

/** Why a camera stopped recording, with a message fit for an operator (never containing credentials). */
public final class IngestFailure extends Exception {

    /** The kinds of failure; the network ones are retried quietly, the others put the camera in ERROR. */
    public enum Kind {
        UNREACHABLE(false),
        STALLED(false),
        ENDED(false),
        AUTH_FAILED(true),
        NOT_FOUND(true),
        UNSUPPORTED_CODEC(true),
        MALFORMED(true),
        NO_KEYFRAME(true),
        NON_MONOTONIC(true),
        DISK_FULL(true),
        SPOOL_IO(true),
        INTERNAL(true);

        private final boolean cameraError;

        Kind(boolean cameraError) {
            this.cameraError = cameraError;
        }

        /** True if the camera (or spool) misbehaves, false if it is merely out of reach. */
        public boolean cameraError() {
            return cameraError;
        }
    }

    private final Kind kind;

    public IngestFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public IngestFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
