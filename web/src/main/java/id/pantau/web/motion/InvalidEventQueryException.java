package id.pantau.web.motion;

/** A query parameter of the events API that cannot be used; the message names the parameter and the reason. */
public class InvalidEventQueryException extends IllegalArgumentException {
  private final String field;

  InvalidEventQueryException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
