package id.pantau.web.api;

import id.pantau.storage.camera.InvalidCameraException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps domain validation failures to 400 responses that name the field and the reason. */
@RestControllerAdvice
class ApiErrors {

  @ExceptionHandler(InvalidCameraException.class)
  ProblemDetail invalidCamera(InvalidCameraException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setTitle("Invalid camera");
    p.setProperty("field", e.field());
    return p;
  }
}
