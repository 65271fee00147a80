package id.pantau.web.playback;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details (RFC 7807) for the playback API: bad parameters, nothing recorded, unsatisfiable ranges. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = PlaybackController.class)
class PlaybackErrors {

  @ExceptionHandler(InvalidPlaybackRequest.class)
  ProblemDetail invalid(InvalidPlaybackRequest e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setTitle("Invalid " + e.field());
    p.setProperty("field", e.field());
    return p;
  }

  @ExceptionHandler(NoRecording.class)
  ProblemDetail noRecording(NoRecording e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    p.setTitle("No recording");
    return p;
  }

  @ExceptionHandler(ByteRange.Unsatisfiable.class)
  ResponseEntity<ProblemDetail> unsatisfiable(ByteRange.Unsatisfiable e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, e.getMessage());
    p.setTitle("Range not satisfiable");
    p.setProperty("field", "Range");
    return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
        .header(HttpHeaders.CONTENT_RANGE, "bytes */" + e.size()).body(p);
  }
}
