package id.pantau.web.playback;

/** Nothing recorded where the request looked; answered with a 404 problem detail. */
class NoRecording extends RuntimeException {
  NoRecording(String message) {
    super(message);
  }
}
