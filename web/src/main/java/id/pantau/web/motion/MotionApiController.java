package id.pantau.web.motion;

import id.pantau.recorder.motion.CameraAnalyser;
import id.pantau.recorder.motion.MotionNode;
import id.pantau.storage.motion.MotionEvent;
import id.pantau.storage.motion.InvalidMotionSettingsException;
import id.pantau.storage.motion.MotionEvents;
import id.pantau.storage.motion.MotionSettings;
import id.pantau.storage.motion.MotionSettingsRepository;
import id.pantau.storage.s3.ObjectNotFoundException;
import id.pantau.storage.s3.ObjectStore;
import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditEvent;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.security.CameraAccess;
import id.pantau.web.security.Capability;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Motion events of a camera, their snapshots, the live event stream, and per-camera motion settings. */
@RestController
class MotionApiController {
  static final Duration MAX_WINDOW = Duration.ofDays(31);
  static final long LIVE_SNAPSHOT_WAIT_MS = 3000;

  private final MotionEvents events;
  private final MotionSettingsRepository settings;
  private final Clock clock;
  private final ObjectStore store;
  private final MotionNode node;
  private final MotionEventStream stream;
  private final CameraAccess access;
  private final AuditTrail audit;
  private final ApplicationEventPublisher publisher;

  MotionApiController(MotionEvents events, MotionSettingsRepository settings, Clock clock,
      ObjectStore store, MotionNode node, MotionEventStream stream, CameraAccess access, AuditTrail audit,
      ApplicationEventPublisher publisher) {
    this.events = events;
    this.settings = settings;
    this.clock = clock;
    this.store = store;
    this.node = node;
    this.stream = stream;
    this.access = access;
    this.audit = audit;
    this.publisher = publisher;
  }

  /** Events whose clip overlaps [from, to), ISO-8601 UTC instants, at most 31 days apart. */
  @GetMapping("/api/cameras/{id}/events")
  List<EventView> events(@PathVariable String id, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Authentication auth) {
    requireViewer(auth, id);
    Instant f = instant("from", from);
    Instant t = instant("to", to);
    if (!t.isAfter(f)) {
      throw new InvalidEventQueryException("to", "must be after from");
    }
    if (Duration.between(f, t).compareTo(MAX_WINDOW) > 0) {
      throw new InvalidEventQueryException("to", "the window may span at most 31 days");
    }
    return events.between(id, f.toEpochMilli(), t.toEpochMilli()).stream().map(EventView::of).toList();
  }

  @GetMapping("/api/cameras/{id}/events/{eventId}/snapshot.jpg")
  ResponseEntity<byte[]> eventSnapshot(@PathVariable String id, @PathVariable String eventId, Authentication auth) {
    requireViewer(auth, id);
    MotionEvent e = parseId(eventId).flatMap(n -> events.find(id, n))
        .filter(ev -> ev.snapshotKey() != null)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no snapshot for this event"));
    return jpeg(read(e.snapshotKey()), CacheControl.maxAge(Duration.ofDays(1)).cachePrivate());
  }

  /** Server-sent events: motion.started and motion.ended of every camera the user may watch or play back. */
  @GetMapping(path = "/api/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(Authentication auth) {
    return stream.subscribe(auth);
  }

  @GetMapping("/api/cameras/{id}/motion")
  MotionSettingsView motionSettings(@PathVariable String id, Authentication auth) {
    requireConfigurer(auth, id);
    return MotionSettingsView.of(settings.get(id), node.status(id).orElse(null));
  }

  @PutMapping("/api/cameras/{id}/motion")
  MotionSettingsView updateMotionSettings(@PathVariable String id,
      @RequestBody(required = false) MotionSettingsView request, Authentication auth, HttpServletRequest http) {
    requireConfigurer(auth, id);
    if (request == null) {
      throw new InvalidMotionSettingsException("body", "motion settings in the request body are required");
    }
    MotionSettings saved = settings.save(request.applyTo(settings.get(id)));
    audit.record(AuditEvent.of(AuditAction.MOTION_SETTINGS_CHANGED).by(auth).from(http).camera(id)
        .details(describe(saved)).build());
    publisher.publishEvent(new MotionSettingsChanged(id));
    return MotionSettingsView.of(saved, node.status(id).orElse(null));
  }

  /** A picture to draw zones on: the analyser's next frame, else the latest event's snapshot. */
  @GetMapping("/api/cameras/{id}/motion/snapshot.jpg")
  ResponseEntity<byte[]> currentSnapshot(@PathVariable String id, Authentication auth) {
    requireConfigurer(auth, id);
    Optional<CameraAnalyser> analyser = node.analyser(id);
    if (analyser.isPresent()) {
      try {
        return jpeg(analyser.get().snapshot().get(LIVE_SNAPSHOT_WAIT_MS, TimeUnit.MILLISECONDS),
            CacheControl.noStore());
      } catch (TimeoutException | ExecutionException e) {
        // no frame in time (camera offline): fall back to the latest event's picture
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    long now = clock.millis();
    List<MotionEvent> recent = events.between(id, now - MAX_WINDOW.toMillis(), now + 1);
    for (int i = recent.size() - 1; i >= 0; i--) {
      if (recent.get(i).snapshotKey() != null) {
        return jpeg(read(recent.get(i).snapshotKey()), CacheControl.noStore());
      }
    }
    throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no picture of this camera yet");
  }

  /** Permission first: another user's camera must not be told apart from a bad request. */
  private void requireViewer(Authentication auth, String id) {
    EventAccess.require(access, auth, id);
  }

  private void requireConfigurer(Authentication auth, String id) {
    access.require(auth, id, Capability.CONFIGURE);
  }

  private byte[] read(String key) {
    try (InputStream in = store.get(key)) {
      return in.readAllBytes();
    } catch (ObjectNotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "snapshot no longer stored");
    } catch (IOException e) {
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "snapshot could not be read");
    }
  }

  private static ResponseEntity<byte[]> jpeg(byte[] body, CacheControl cache) {
    return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(cache).body(body);
  }

  private static Optional<Long> parseId(String s) {
    try {
      return Optional.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String describe(MotionSettings s) {
    return "enabled=" + s.enabled() + " sensitivity=" + s.sensitivity() + " minAreaPercent=" + s.minAreaPercent()
        + " zones=" + s.zones().size() + " keepMotionExtraDays=" + s.keepMotionExtraDays();
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidEventQueryException(name, "required, an ISO-8601 UTC instant");
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidEventQueryException(name, "not an ISO-8601 UTC instant such as 2026-11-23T08:00:00Z");
    }
  }
}
