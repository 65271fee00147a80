package id.pantau.web.site;

/** A site or link that cannot be accepted; {@code code} names the message for the UI. */
public class InvalidSiteException extends IllegalArgumentException {
  private final String field;
  private final String code;

  public InvalidSiteException(String field, String code, String english) {
    super(field + ": " + english);
    this.field = field;
    this.code = code;
  }

  public String field() {
    return field;
  }

  public String code() {
    return code;
  }
}
