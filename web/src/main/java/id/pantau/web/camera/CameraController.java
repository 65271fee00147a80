package id.pantau.web.camera;

import id.pantau.recorder.node.RecorderNode;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.camera.CameraValidator;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.index.Timeline;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
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

  CameraController(CameraRepository cameras, SegmentIndex index, RecorderNode node, ApplicationEventPublisher events) {
    this.cameras = cameras;
    this.index = index;
    this.node = node;
    this.events = events;
  }

  @GetMapping
  List<CameraView> list() {
    return cameras.findAll().stream().map(CameraView::of).toList();
  }

  @GetMapping("/{id}")
  CameraView get(@PathVariable String id) {
    return CameraView.of(existing(id));
  }

  @PostMapping
  ResponseEntity<CameraView> create(@RequestBody CameraRequest request) {
    String id = CameraValidator.requireId(request.id());
    if (cameras.exists(id)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "camera " + id + " already exists");
    }
    Camera saved = cameras.save(request.toCamera(id, null));
    events.publishEvent(new CamerasChanged(id));
    return ResponseEntity.created(URI.create("/api/cameras/" + id)).body(CameraView.of(saved));
  }

  @PutMapping("/{id}")
  CameraView update(@PathVariable String id, @RequestBody CameraRequest request) {
    Camera current = existing(id);
    if (request.id() != null && !request.id().equals(id)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "id: the body's id differs from the path's");
    }
    Camera saved = cameras.save(request.toCamera(id, current));
    events.publishEvent(new CamerasChanged(id));
    return CameraView.of(saved);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable String id) {
    existing(id);
    if (!index.segments(id, "main", Long.MIN_VALUE, Long.MAX_VALUE).isEmpty()) {
      Camera c = existing(id);
      cameras.save(new Camera(c.id(), c.name(), c.siteId(), c.linkId(), c.mainUrl(), c.subUrl(), c.username(),
          c.password(), c.transport(), false, c.retentionDays(), c.recorderNode()));
      events.publishEvent(new CamerasChanged(id));
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          "camera " + id + " has recordings; it was disabled instead and is deleted when retention removes them");
    }
    cameras.delete(id);
    events.publishEvent(new CamerasChanged(id));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/stats")
  StatsView stats(@PathVariable String id) {
    Camera c = existing(id);
    return node.status(id).map(StatsView::of)
        .orElseGet(() -> StatsView.notRecording(id, c.enabled() ? "assigned to recorder node " + c.recorderNode()
            : "disabled"));
  }

  @GetMapping("/{id}/recordings")
  TimelineView recordings(@PathVariable String id, @RequestParam String from, @RequestParam String to) {
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

  private Camera existing(String id) {
    CameraValidator.requireId(id);
    return cameras.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no camera " + id));
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          name + ": not an ISO-8601 UTC instant such as 2026-11-23T08:00:00Z: '" + value + "'");
    }
  }
}
