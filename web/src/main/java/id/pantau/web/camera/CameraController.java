package id.pantau.web.camera;

import id.pantau.recorder.node.RecorderNode;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraInUseException;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.camera.CameraValidator;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.index.Timeline;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditEvent;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.security.CameraAccess;
import id.pantau.web.security.CameraNotFoundException;
import id.pantau.web.security.Capability;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Cameras, their recording statistics and their recorded timeline. */
@RestController
@RequestMapping("/api/cameras")
class CameraController {
  static final Duration MAX_TIMELINE_WINDOW = Duration.ofDays(31);
  /** Segment boundaries carry up to a frame of rounding; shorter holes are not gaps. */
  static final long GAP_TOLERANCE_MS = 1000;

  private final CameraRepository cameras;
  private final SegmentIndex index;
  private final RecorderNode node;
  private final ApplicationEventPublisher events;
  private final CameraAccess access;
  private final AuditTrail audit;

  CameraController(CameraRepository cameras, SegmentIndex index, RecorderNode node, ApplicationEventPublisher events,
      CameraAccess access, AuditTrail audit) {
    this.cameras = cameras;
    this.index = index;
    this.node = node;
    this.events = events;
    this.access = access;
    this.audit = audit;
  }

  @GetMapping
  List<CameraView> list(Authentication auth) {
    Set<String> visible = access.visibleCameras(auth);
    return cameras.findAll().stream().filter(c -> visible.contains(c.id())).map(CameraView::of).toList();
  }

  @GetMapping("/{id}")
  CameraView get(@PathVariable String id, Authentication auth) {
    if (!access.visibleCameras(auth).contains(id)) {
      throw new CameraNotFoundException();
    }
    return CameraView.of(existing(id));
  }

  @PostMapping
  ResponseEntity<CameraView> create(@RequestBody CameraRequest request, Authentication auth,
      HttpServletRequest http) {
    requireAdmin(auth, "adding cameras");
    String id = CameraValidator.requireId(request.id());
    if (cameras.exists(id)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "camera " + id + " already exists");
    }
    Camera saved = cameras.save(request.toCamera(id, null));
    audit.record(AuditEvent.of(AuditAction.CAMERA_CREATED).by(auth).from(http).camera(id)
        .details("via API").build());
    events.publishEvent(new CamerasChanged(id));
    return ResponseEntity.created(URI.create("/api/cameras/" + id)).body(CameraView.of(saved));
  }

  @PutMapping("/{id}")
  CameraView update(@PathVariable String id, @RequestBody(required = false) CameraRequest request,
      Authentication auth, HttpServletRequest http) {
    // permission first: another user's camera must not be told apart from a bad request
    access.require(auth, id, Capability.CONFIGURE);
    if (request == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a camera in the request body is required");
    }
    Camera current = existing(id);
    if (request.id() != null && !request.id().equals(id)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "id: the body's id differs from the path's");
    }
    Camera next = request.toCamera(id, current);
    if (!Objects.equals(next.username(), current.username()) || !Objects.equals(next.password(), current.password())) {
      requireAdmin(auth, "changing camera credentials");
    }
    Camera saved = cameras.save(next);
    audit.record(AuditEvent.of(AuditAction.CAMERA_UPDATED).by(auth).from(http).camera(id)
        .details("via API" + (request.password() != null ? "; password changed" : "")).build());
    events.publishEvent(new CamerasChanged(id));
    return CameraView.of(saved);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable String id, Authentication auth, HttpServletRequest http) {
    requireAdmin(auth, "deleting cameras");
    Camera c = existing(id);
    try {
      cameras.delete(id);
    } catch (CameraInUseException e) {
      cameras.save(c.withEnabled(false));
      audit.record(AuditEvent.of(AuditAction.CAMERA_UPDATED).by(auth).from(http).camera(id)
          .details("via API: delete asked, disabled instead: " + e.getMessage()).build());
      events.publishEvent(new CamerasChanged(id));
      throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage()
          + "; it was disabled instead and can be deleted once retention has removed its recordings");
    }
    audit.record(AuditEvent.of(AuditAction.CAMERA_DELETED).by(auth).from(http).camera(id).build());
    events.publishEvent(new CamerasChanged(id));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/stats")
  StatsView stats(@PathVariable String id, Authentication auth) {
    access.require(auth, id, Capability.STATS);
    Camera c = existing(id);
    return node.status(id).map(StatsView::of)
        .orElseGet(() -> StatsView.notRecording(id, c.enabled() ? "assigned to recorder node " + c.recorderNode()
            : "disabled"));
  }

  @GetMapping("/{id}/recordings")
  TimelineView recordings(@PathVariable String id, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Authentication auth) {
    if (!access.permits(auth, id, Capability.PLAYBACK) && !access.permits(auth, id, Capability.STATS)) {
      throw new CameraNotFoundException();
    }
    existing(id);
    Instant f = instant("from", from);
    Instant t = instant("to", to);
    if (!t.isAfter(f)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "to must be after from");
    }
    if (Duration.between(f, t).compareTo(MAX_TIMELINE_WINDOW) > 0) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the window may span at most 31 days");
    }
    long fromMs = f.toEpochMilli();
    long toMs = t.toEpochMilli();
    Timeline timeline = Timeline.of(fromMs, toMs, index.runs(id, "main", fromMs, toMs),
        index.segments(id, "main", fromMs, toMs), GAP_TOLERANCE_MS);
    return TimelineView.of(id, timeline);
  }

  private static void requireAdmin(Authentication auth, String what) {
    boolean admin = auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
    if (!admin) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, what + " needs the ADMIN role");
    }
  }

  private Camera existing(String id) {
    CameraValidator.requireId(id);
    return cameras.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no camera " + id));
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + ": required, an ISO-8601 UTC instant");
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          name + ": not an ISO-8601 UTC instant such as 2026-11-23T08:00:00Z: '" + value + "'");
    }
  }
}
