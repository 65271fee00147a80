package id.pantau.storage.camera;

/** A camera definition that cannot be accepted; the message names the field and the reason. */
public class InvalidCameraException extends IllegalArgumentException {
  private final String field;

  public InvalidCameraException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
