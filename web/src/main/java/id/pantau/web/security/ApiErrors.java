package id.pantau.web.security;

import id.pantau.storage.camera.InvalidCameraException;
import id.pantau.web.site.InvalidSiteException;
import id.pantau.web.user.InvalidUserException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Validation failures in the REST API become 400 problem details naming the field and the reason; the API's
 * explicit refusals become problem details with their reason.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

  @ExceptionHandler(InvalidCameraException.class)
  ProblemDetail invalidCamera(InvalidCameraException e) {
    return problem(e.field(), e.getMessage());
  }

  @ExceptionHandler(InvalidUserException.class)
  ProblemDetail invalidUser(InvalidUserException e) {
    return problem(e.field(), e.getMessage());
  }

  @ExceptionHandler(InvalidSiteException.class)
  ProblemDetail invalidSite(InvalidSiteException e) {
    return problem(e.field(), e.getMessage());
  }

  /** Reasons given by the API's own checks (conflicts, bad windows) reach the client, unlike server errors. */
  @ExceptionHandler(ResponseStatusException.class)
  ProblemDetail refused(ResponseStatusException e) {
    ProblemDetail p = ProblemDetail.forStatus(e.getStatusCode());
    if (e.getReason() != null) {
      p.setDetail(e.getReason());
    }
    return p;
  }

  private static ProblemDetail problem(String field, String message) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
    p.setTitle("Invalid " + field);
    p.setProperty("field", field);
    return p;
  }
}
