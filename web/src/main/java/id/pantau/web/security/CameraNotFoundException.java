package id.pantau.web.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A camera that does not exist or that the user may not use: both answer 404 with the same words, so ids of
 * other people's cameras cannot be probed.
 */
@ResponseStatus(value = HttpStatus.NOT_FOUND, reason = "camera not found")
public class CameraNotFoundException extends RuntimeException {
  public CameraNotFoundException() {
    super("camera not found");
  }
}
