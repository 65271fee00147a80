package id.pantau.web.health;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Health and import validation failures as RFC 7807 problem details naming the field (and, for imports, rows). */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {HealthApiController.class, TopologyImportController.class})
class HealthApiErrors {

  @ExceptionHandler(InvalidHealthRequest.class)
  ProblemDetail invalid(InvalidHealthRequest e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setTitle("Invalid " + e.field());
    p.setProperty("field", e.field());
    return p;
  }

  @ExceptionHandler(TopologyImport.Rejected.class)
  ProblemDetail rejected(TopologyImport.Rejected e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setTitle("Import rejected");
    p.setProperty("errors", e.errors());
    return p;
  }
}
