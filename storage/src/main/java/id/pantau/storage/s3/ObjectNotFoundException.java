package id.pantau.storage.s3;

/** The requested object does not exist. */
public class ObjectNotFoundException extends ObjectStoreException {

    public ObjectNotFoundException(String message, Throwable cause) {
        super(Reason.NOT_FOUND, message, cause);
    }
}
