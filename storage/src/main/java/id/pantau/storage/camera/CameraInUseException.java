package id.pantau.storage.camera;

/** A camera cannot be deleted while recordings, pending deletions or evidence records still refer to it. */
public class CameraInUseException extends RuntimeException {

  public CameraInUseException(String message) {
    super(message);
  }
}
