package id.pantau.web.health;

import id.pantau.recorder.health.HealthMonitor;
import id.pantau.recorder.health.HealthSnapshot;
import id.pantau.recorder.health.alert.Alert;
import id.pantau.recorder.health.alert.AlertStore;
import id.pantau.recorder.health.history.HealthReports;
import id.pantau.recorder.health.history.RecordingCoverage;
import id.pantau.recorder.health.history.SlaReport;
import id.pantau.recorder.health.history.SubjectKind;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditEvent;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.security.CameraAccess;
import id.pantau.web.security.Capability;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Camera and link health for the NOC (STATS: technicians and administrators): states now, uptime, outages,
 * alerts, the monthly SLA report and a server-sent event stream. Users see the cameras they are granted and the
 * links under them.
 */
@RestController
@RequestMapping("/api/health")
class HealthApiController {
  static final Duration MAX_WINDOW = Duration.ofDays(92);

  private final HealthMonitor monitor;
  private final HealthReports reports;
  private final AlertStore alerts;
  private final SegmentIndex index;
  private final CameraExpectations expectations;
  private final SlaReporter sla;
  private final HealthEvents events;
  private final CameraAccess access;
  private final AuditTrail audit;
  private final Clock clock;

  HealthApiController(HealthMonitor monitor, HealthReports reports, AlertStore alerts, SegmentIndex index,
      CameraExpectations expectations, SlaReporter sla, HealthEvents events, CameraAccess access, AuditTrail audit,
      Clock clock) {
    this.monitor = monitor;
    this.reports = reports;
    this.alerts = alerts;
    this.index = index;
    this.expectations = expectations;
    this.sla = sla;
    this.events = events;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping
  HealthSnapshot overview(Authentication auth) {
    return visibility(auth).filter(monitor.snapshot());
  }

  @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(Authentication auth) {
    visibility(auth);
    return events.subscribe(auth);
  }

  @GetMapping("/links/{linkId}")
  HealthViews.LinkHealthView link(@PathVariable String linkId, Authentication auth) {
    HealthVisibility v = visibility(auth);
    HealthSnapshot.LinkStatus status = v.filter(monitor.snapshot()).links().stream()
        .filter(l -> l.id().equals(linkId)).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no link " + linkId));
    return new HealthViews.LinkHealthView(status,
        HealthViews.ReportView.of(reports.report(SubjectKind.LINK, linkId), clock.millis()));
  }

  @GetMapping("/cameras/{id}")
  HealthViews.CameraHealthView camera(@PathVariable String id, Authentication auth) {
    access.require(auth, id, Capability.STATS);
    long now = clock.millis();
    HealthSnapshot.CameraStatus status = monitor.snapshot().cameras().stream().filter(c -> c.id().equals(id))
        .findFirst().orElse(null);
    long from = now - HealthReports.DAY.toMillis();
    long disabled = reports.uptime(SubjectKind.CAMERA, id, from, now).excludedMs();
    RecordingCoverage coverage = RecordingCoverage.of(index.segments(id, "main", from, now), from, now, disabled);
    return new HealthViews.CameraHealthView(status,
        HealthViews.ReportView.of(reports.report(SubjectKind.CAMERA, id), now),
        HealthViews.CoverageView.of(coverage), expectations.of(id));
  }

  @PutMapping("/cameras/{id}/expectation")
  CameraExpectations.Expectation setExpectation(@PathVariable String id,
      @RequestBody(required = false) CameraExpectations.Expectation body, Authentication auth,
      HttpServletRequest request) {
    access.require(auth, id, Capability.CONFIGURE);
    if (body == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "an expectation in the request body is required");
    }
    CameraExpectations.Expectation e = HealthValidation.expectation(body.expectedFps(), body.minBitrateKbps());
    expectations.set(id, e);
    audit.record(AuditEvent.of(AuditAction.CAMERA_UPDATED).by(auth).from(request).camera(id)
        .details("health expectation: fps=" + e.expectedFps() + " minKbps=" + e.minBitrateKbps()).build());
    monitor.topologyChanged();
    return e;
  }

  /** Outages of visible links and cameras in the window (default: the last 7 days), newest first. */
  @GetMapping("/outages")
  List<HealthViews.OutageView> outages(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean current,
      Authentication auth) {
    HealthVisibility v = visibility(auth);
    long now = clock.millis();
    long t = to == null ? now : instant("to", to);
    long f = from == null ? t - Duration.ofDays(7).toMillis() : instant("from", from);
    if (t <= f || t - f > MAX_WINDOW.toMillis()) {
      throw new InvalidHealthRequest("to", "must be after from, and the window at most 92 days");
    }
    Set<String> links = visibleLinks(v);
    List<HealthViews.OutageView> out = new ArrayList<>();
    long until = to == null ? Long.MAX_VALUE : t;
    for (SubjectKind kind : SubjectKind.values()) {
      reports.outages(kind, f, until).stream().filter(o -> v.sees(o, links)).filter(o -> !current || o.ongoing())
          .forEach(o -> out.add(HealthViews.OutageView.of(o, now)));
    }
    out.sort(Comparator.comparingLong(HealthViews.OutageView::startMs).reversed());
    return out;
  }

  /** Up share (0..1, null: never judged) of every visible link and camera over the last 24 h, 7 d and 30 d. */
  @GetMapping("/uptime")
  HealthViews.UptimeBars uptime(Authentication auth) {
    HealthSnapshot mine = visibility(auth).filter(monitor.snapshot());
    long now = clock.millis();
    Map<String, HealthViews.Ratios> links = new LinkedHashMap<>();
    mine.links().forEach(l -> links.put(l.id(), ratios(SubjectKind.LINK, l.id(), now)));
    Map<String, HealthViews.Ratios> cams = new LinkedHashMap<>();
    mine.cameras().forEach(c -> cams.put(c.id(), ratios(SubjectKind.CAMERA, c.id(), now)));
    return new HealthViews.UptimeBars(now, links, cams);
  }

  private HealthViews.Ratios ratios(SubjectKind kind, String id, long now) {
    return new HealthViews.Ratios(reports.uptime(kind, id, now - HealthReports.DAY.toMillis(), now).ratio(),
        reports.uptime(kind, id, now - HealthReports.WEEK.toMillis(), now).ratio(),
        reports.uptime(kind, id, now - HealthReports.MONTH.toMillis(), now).ratio());
  }

  @GetMapping("/alerts")
  List<Alert> alerts(@RequestParam(defaultValue = "50") int limit, Authentication auth) {
    HealthVisibility v = visibility(auth);
    Set<String> links = visibleLinks(v);
    return alerts.recent(Math.max(1, Math.min(limit, 500))).stream().filter(a -> v.sees(a, links))
        .map(a -> v.all() ? a : new Alert(a.id(), a.rootKey(), a.kind(), a.subjectKind(), a.subjectId(), a.state(),
            a.previousState(), a.atWallMs(), a.message(), a.cameras().stream().filter(v.cameras()::contains)
                .toList(), a.suppressed(), a.webhookStatus(), a.mqttStatus()))
        .toList();
  }

  /** The monthly SLA report of the visible links: JSON, or CSV with {@code format=csv}. */
  @GetMapping("/sla")
  ResponseEntity<?> sla(@RequestParam(required = false) String month,
      @RequestParam(defaultValue = "json") String format, Authentication auth) {
    SlaReport report = sla.report(visibility(auth), month);
    if (format.equals("csv")) {
      return ResponseEntity.ok()
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pantau-sla-" + report.month() + ".csv\"")
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(report.toCsv());
    }
    if (!format.equals("json")) {
      throw new InvalidHealthRequest("format", "json or csv");
    }
    return ResponseEntity.ok(report);
  }

  private Set<String> visibleLinks(HealthVisibility v) {
    return monitor.snapshot().links().stream().filter(v::seesLink).map(HealthSnapshot.LinkStatus::id)
        .collect(Collectors.toSet());
  }

  HealthVisibility visibility(Authentication auth) {
    HealthVisibility v = HealthVisibility.of(access, auth);
    if (!v.any()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "health needs the TECHNICIAN or ADMIN role");
    }
    return v;
  }

  private static long instant(String name, String value) {
    try {
      return Instant.parse(value).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new InvalidHealthRequest(name, "not an ISO-8601 UTC instant such as 2026-11-23T08:00:00Z: '" + value
          + "'");
    }
  }
}
