package id.pantau.web.user;

/**
 * A user change that cannot be accepted. {@code code} names a message in messages*.properties, so the UI can
 * say it in the user's language; the exception message is the English text.
 */
public class InvalidUserException extends IllegalArgumentException {
  private final String field;
  private final String code;
  private final transient Object[] args;

  public InvalidUserException(String field, String code, String english, Object... args) {
    super(field + ": " + english);
    this.field = field;
    this.code = code;
    this.args = args;
  }

  public String field() {
    return field;
  }

  public String code() {
    return code;
  }

  /** The first message argument or "" (templates pass it to the message). */
  public Object firstArg() {
    return args.length > 0 ? args[0] : "";
  }

  public Object[] args() {
    return args.clone();
  }
}
