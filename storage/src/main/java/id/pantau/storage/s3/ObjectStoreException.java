package id.pantau.storage.s3;

/** A failed object store operation; {@link #reason()} says what kind of failure. Messages never contain secrets. */
public class ObjectStoreException extends RuntimeException {

    /** Failure categories callers act on differently (retry later, fix configuration, re-upload, ...). */
    public enum Reason {
        /** No connection could be made or the server did not answer in time: retry later. */
        UNREACHABLE,
        /** The server refused the credentials or signature. */
        AUTH_FAILED,
        /** The bucket does not exist. */
        BUCKET_NOT_FOUND,
        /** The object does not exist. */
        NOT_FOUND,
        /** Size or checksum of the data did not match what was expected. */
        CHECKSUM_MISMATCH,
        /** Reading the local file failed. */
        LOCAL_IO,
        /** Anything else the server or client reported. */
        OTHER
    }

    private final Reason reason;

    public ObjectStoreException(Reason reason, String message) {
        this(reason, message, null);
    }

    public ObjectStoreException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
