package id.pantau.web.evidence;

import org.springframework.http.HttpStatus;

/**
 * Why an evidence action was refused, with the HTTP status it answers with and, for invalid input, the field.
 * {@code code} names the UI message.
 */
public class EvidenceException extends RuntimeException {
  private final HttpStatus status;
  private final String field;
  private final String code;

  EvidenceException(HttpStatus status, String field, String code, String message) {
    super(message);
    this.status = status;
    this.field = field;
    this.code = code;
  }

  static EvidenceException invalid(String field, String code, String message) {
    return new EvidenceException(HttpStatus.BAD_REQUEST, field, code, field + ": " + message);
  }

  static EvidenceException notFound() {
    return new EvidenceException(HttpStatus.NOT_FOUND, null, "evidence.error.notFound", "evidence request not found");
  }

  static EvidenceException forbidden(String code, String message) {
    return new EvidenceException(HttpStatus.FORBIDDEN, null, code, message);
  }

  static EvidenceException conflict(String code, String message) {
    return new EvidenceException(HttpStatus.CONFLICT, null, code, message);
  }

  static EvidenceException gone(String code, String message) {
    return new EvidenceException(HttpStatus.GONE, null, code, message);
  }

  public HttpStatus status() {
    return status;
  }

  /** The request field at fault, or null when the refusal is not about one field. */
  public String field() {
    return field;
  }

  public String code() {
    return code;
  }
}
