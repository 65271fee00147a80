package id.pantau.web.health;

/** A health request parameter that cannot be accepted; becomes a 400 problem detail naming the field. */
class InvalidHealthRequest extends IllegalArgumentException {
  private final String field;

  InvalidHealthRequest(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  String field() {
    return field;
  }
}
