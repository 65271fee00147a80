package id.pantau.web.playback;

/** A request parameter that cannot be used; answered with a 400 problem detail naming the field. */
class InvalidPlaybackRequest extends RuntimeException {
  private final String field;

  InvalidPlaybackRequest(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  String field() {
    return field;
  }
}
