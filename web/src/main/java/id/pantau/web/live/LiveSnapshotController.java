package id.pantau.web.live;

import id.pantau.recorder.live.LiveStream;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.web.security.CameraAccess;
import id.pantau.web.security.Capability;
import id.pantau.web.security.CameraNotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A JPEG of a camera's latest keyframe, for browsers that cannot decode its codec (H.265 in Chromium). */
@RestController
@RequestMapping("/api/cameras")
class LiveSnapshotController {
  static final int MAX_WIDTH_LIMIT = 3840;

  private final CameraAccess access;
  private final CameraRepository cameras;
  private final LiveSnapshots snapshots;

  LiveSnapshotController(CameraAccess access, CameraRepository cameras, LiveSnapshots snapshots) {
    this.access = access;
    this.cameras = cameras;
    this.snapshots = snapshots;
  }

  /** {@code stream} main or sub (default sub; a camera without one shows its main stream); {@code width} 0 = full. */
  @GetMapping(value = "/{id}/live/snapshot", produces = {MediaType.IMAGE_JPEG_VALUE,
      MediaType.APPLICATION_PROBLEM_JSON_VALUE})
  ResponseEntity<?> snapshot(Authentication auth, @PathVariable String id,
      @RequestParam(defaultValue = "sub") String stream, @RequestParam(defaultValue = "0") int width)
      throws InterruptedException {
    access.require(auth, id, Capability.LIVE);
    LiveStream requested;
    try {
      requested = LiveStream.parse(stream);
    } catch (IllegalArgumentException e) {
      return problem(HttpStatus.BAD_REQUEST, "stream", "stream must be main or sub");
    }
    if (width < 0 || width > MAX_WIDTH_LIMIT) {
      return problem(HttpStatus.BAD_REQUEST, "width", "width must be 0 (full size) to " + MAX_WIDTH_LIMIT);
    }
    var camera = cameras.find(id).orElseThrow(CameraNotFoundException::new);
    return snapshots.jpeg(LiveStreams.feedFor(camera, requested), width)
        .<ResponseEntity<?>>map(jpeg -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
            .cacheControl(CacheControl.noStore()).body(jpeg))
        .orElseGet(() -> problem(HttpStatus.SERVICE_UNAVAILABLE, "camera", "no picture from the camera yet"));
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String field, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(status == HttpStatus.BAD_REQUEST ? "Invalid " + field : "No picture yet");
    p.setProperty("field", field);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }
}
