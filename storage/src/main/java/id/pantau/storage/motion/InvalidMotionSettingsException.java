package id.pantau.storage.motion;

/** Motion settings that cannot be accepted; the message names the field and the reason. */
public class InvalidMotionSettingsException extends IllegalArgumentException {
    private final String field;

    public InvalidMotionSettingsException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
