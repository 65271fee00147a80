package id.pantau.web.evidence;

import id.pantau.storage.retention.EvidenceHolds;
import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditEvent;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.evidence.EvidenceRequest.Status;
import id.pantau.web.evidence.verify.EvidenceVerifier;
import id.pantau.web.security.CameraAccess;
import id.pantau.web.security.Capability;
import id.pantau.web.site.SiteTimes;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The police workflow: an investigator files a request (cameras they may export, a range, case number, reason);
 * a supervisor who may approve on all its cameras, and is not the requester, approves or rejects it with a note;
 * approval holds the covered recordings against retention and queues the build; the requester alone downloads
 * the package through an expiring link. Every step, and every refused download, goes to the audit trail.
 */
public class EvidenceWorkflow {
  static final int MAX_CAMERAS = 16;
  static final int MAX_CASE_NUMBER = 100;
  static final int MAX_TEXT = 1000;

  private final EvidenceRequests requests;
  private final EvidenceHolds holds;
  private final ExportJobs jobs;
  private final DownloadLinks links;
  private final EvidenceStore store;
  private final EvidenceSigner signer;
  private final CameraAccess access;
  private final AuditTrail audit;
  private final SiteTimes times;
  private final Clock clock;
  private final Duration maxRange;
  private final TransactionTemplate tx;

  EvidenceWorkflow(EvidenceRequests requests, EvidenceHolds holds, ExportJobs jobs, DownloadLinks links,
      EvidenceStore store, EvidenceSigner signer, CameraAccess access, AuditTrail audit, SiteTimes times, Clock clock,
      Duration maxRange, TransactionTemplate tx) {
    this.requests = requests;
    this.holds = holds;
    this.jobs = jobs;
    this.links = links;
    this.store = store;
    this.signer = signer;
    this.access = access;
    this.audit = audit;
    this.times = times;
    this.clock = clock;
    this.maxRange = maxRange;
    this.tx = tx;
  }

  /** A package to stream to its requester. */
  public record Download(EvidenceRequest request, String fileName, long bytes, Supplier<InputStream> content) {}

  /**
   * Checks that the user may export every camera (404 otherwise, as for a camera that does not exist); call this
   * before looking at anything else in the request.
   */
  public List<String> requireExport(Authentication auth, List<String> cameraIds) {
    List<String> ids = cameraIds == null ? List.of() : List.copyOf(new TreeSet<>(cameraIds.stream()
        .filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).toList()));
    ids.forEach(id -> access.require(auth, id, Capability.EXPORT));
    return ids;
  }

  /** Files a request; {@code from} and {@code to} are null when the caller could not parse them. */
  public EvidenceRequest file(Authentication auth, HttpServletRequest http, List<String> cameraIds, Instant from,
      Instant to, String caseNumber, String reason) {
    List<String> cameras = requireExport(auth, cameraIds);
    if (cameras.isEmpty()) {
      throw EvidenceException.invalid("cameras", "evidence.error.cameras", "choose at least one camera");
    }
    if (cameras.size() > MAX_CAMERAS) {
      throw EvidenceException.invalid("cameras", "evidence.error.tooManyCameras",
          "at most " + MAX_CAMERAS + " cameras per request");
    }
    validateRange(from, to);
    String caseNo = text("caseNumber", caseNumber, MAX_CASE_NUMBER);
    String why = text("reason", reason, MAX_TEXT);
    long now = clock.millis();
    long id = requests.create(auth.getName(), cameras, from.toEpochMilli(), to.toEpochMilli(), zoneOf(cameras).getId(),
        caseNo, why, now);
    EvidenceRequest r = requests.find(id).orElseThrow();
    auditPerCamera(AuditAction.EXPORT_REQUEST, r, auth, http, why, "request " + id + " filed");
    return r;
  }

  private void validateRange(Instant from, Instant to) {
    if (from == null) {
      throw EvidenceException.invalid("from", "evidence.error.from", "required, an ISO-8601 instant such as 2026-11-23T08:00:00Z");
    }
    if (to == null) {
      throw EvidenceException.invalid("to", "evidence.error.to", "required, an ISO-8601 instant such as 2026-11-23T08:05:00Z");
    }
    if (!to.isAfter(from)) {
      throw EvidenceException.invalid("to", "evidence.error.order", "must be after from");
    }
    if (Duration.between(from, to).compareTo(maxRange) > 0) {
      throw EvidenceException.invalid("to", "evidence.error.tooLong", "the range may span at most "
          + maxRange.toHours() + " hours");
    }
    if (to.isAfter(clock.instant())) {
      throw EvidenceException.invalid("to", "evidence.error.future", "must not be in the future");
    }
  }

  private static String text(String field, String value, int max) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      throw EvidenceException.invalid(field, "evidence.error." + field, "required");
    }
    if (v.length() > max) {
      throw EvidenceException.invalid(field, "evidence.error." + field, "at most " + max + " characters");
    }
    if (v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      throw EvidenceException.invalid(field, "evidence.error." + field, "contains control characters");
    }
    return v;
  }

  /** The cameras' common site zone, else the default zone: what the manifest gives local times in. */
  private ZoneId zoneOf(List<String> cameras) {
    Map<String, ZoneId> zones = times.cameraZones();
    ZoneId first = zones.getOrDefault(cameras.get(0), times.defaultZone());
    return cameras.stream().allMatch(c -> zones.getOrDefault(c, times.defaultZone()).equals(first)) ? first
        : times.defaultZone();
  }

  /** The requests this user may see: their own, and those they may decide (APPROVE on every camera). */
  public List<EvidenceRequest> visible(Authentication auth) {
    return requests.all().stream().filter(r -> sees(auth, r)).toList();
  }

  /** One request the user may see; 404 otherwise. */
  public EvidenceRequest visible(Authentication auth, long id) {
    return requests.find(id).filter(r -> sees(auth, r)).orElseThrow(EvidenceException::notFound);
  }

  private boolean sees(Authentication auth, EvidenceRequest r) {
    return r.requester().equals(auth.getName()) || approvesAll(auth, r);
  }

  private boolean approvesAll(Authentication auth, EvidenceRequest r) {
    return r.cameraIds().stream().allMatch(c -> access.permits(auth, c, Capability.APPROVE));
  }

  /** Whether this user could approve or reject the request now. */
  public boolean mayDecide(Authentication auth, EvidenceRequest r) {
    return r.status() == Status.PENDING && !r.requester().equals(auth.getName()) && approvesAll(auth, r);
  }

  public EvidenceRequest decide(Authentication auth, HttpServletRequest http, long id, boolean approve, String note) {
    EvidenceRequest r = requests.find(id).orElseThrow(EvidenceException::notFound);
    if (!approvesAll(auth, r)) {
      throw EvidenceException.notFound();
    }
    if (r.requester().equals(auth.getName())) {
      throw EvidenceException.forbidden("evidence.error.selfDecision",
          "a request cannot be approved or rejected by the user who filed it");
    }
    String why = text("note", note, MAX_TEXT);
    String decision = approve ? "approved" : "rejected";
    tx.executeWithoutResult(status -> {
      long now = clock.millis();
      if (!requests.decide(id, approve, auth.getName(), why, now)) {
        throw EvidenceException.conflict("evidence.error.decided", "request " + id + " was already decided");
      }
      if (approve) {
        for (String camera : r.cameraIds()) {
          long hold = holds.place(camera, r.fromMs(), r.toMs(), r.caseNumber(), r.reason(), auth.getName(), now);
          requests.holdPlaced(id, camera, hold);
          audit.record(AuditEvent.of(AuditAction.EVIDENCE_HOLD).by(auth).from(http).camera(camera)
              .range(r.fromMs(), r.toMs()).reason(r.caseNumber())
              .details("hold " + hold + " for request " + id).build());
        }
      }
      auditPerCamera(AuditAction.EXPORT_DECISION, r, auth, http, why, decision + " request " + id);
    });
    if (approve) {
      jobs.submit(id);
    }
    return requests.find(id).orElseThrow();
  }

  /** An expiring download link for the requester of a built package. */
  public DownloadLinks.Link link(Authentication auth, HttpServletRequest http, long id) {
    EvidenceRequest r = visible(auth, id);
    requireRequester(auth, r);
    if (r.status() != Status.READY) {
      throw EvidenceException.conflict("evidence.error.notReady", "request " + id + " has no package ("
          + r.status() + ")");
    }
    DownloadLinks.Link link = links.issue(id, auth.getName());
    audit.record(AuditEvent.of(AuditAction.EXPORT_LINK_ISSUED).by(auth).from(http).range(r.fromMs(), r.toMs())
        .reason(r.caseNumber()).details("request " + id + ", link valid until " + link.expiresAt()).build());
    return link;
  }

  private static void requireRequester(Authentication auth, EvidenceRequest r) {
    if (!r.requester().equals(auth.getName())) {
      throw EvidenceException.forbidden("evidence.error.notRequester",
          "only the requester of request " + r.id() + " may download it");
    }
  }

  /** Checks the link and the user, audits, and hands out the package. */
  public Download download(Authentication auth, HttpServletRequest http, long id, long expiresMs, String token) {
    EvidenceRequest r = requests.find(id).orElseThrow(EvidenceException::notFound);
    try {
      requireRequester(auth, r);
      if (r.status() != Status.READY) {
        throw EvidenceException.conflict("evidence.error.notReady", "request " + id + " has no package ("
            + r.status() + ")");
      }
      switch (links.check(id, auth.getName(), expiresMs, token)) {
        case EXPIRED -> throw EvidenceException.gone("evidence.error.linkExpired", "the download link has expired");
        case INVALID -> throw EvidenceException.forbidden("evidence.error.badLink", "the download link is not valid");
        case VALID -> { }
      }
    } catch (EvidenceException refused) {
      audit.record(AuditEvent.of(AuditAction.EXPORT_DOWNLOAD_REFUSED).by(auth).from(http).range(r.fromMs(), r.toMs())
          .reason(r.caseNumber()).details("request " + id + ": " + refused.getMessage()).build());
      throw refused;
    }
    auditPerCamera(AuditAction.EXPORT_DOWNLOAD, r, auth, http, r.caseNumber(), "request " + id + " package "
        + r.packageSha256());
    String key = r.packageKey();
    return new Download(r, "evidence-" + id + ".zip", r.packageBytes() == null ? -1 : r.packageBytes(),
        () -> store.get(key));
  }

  /** Verifies an uploaded package against this server's key, and records that someone did. */
  public EvidenceVerifier.Report verify(Authentication auth, HttpServletRequest http, Path upload, String name)
      throws IOException {
    EvidenceVerifier.Report report = EvidenceVerifier.verify(upload, signer.publicKey());
    audit.record(AuditEvent.of(AuditAction.EVIDENCE_VERIFIED).by(auth).from(http)
        .details(truncate(name, 200) + ": " + truncate(String.join("; ", report.lines()), 3500)).build());
    return report;
  }

  private static String truncate(String s, int max) {
    String v = s == null ? "" : s;
    return v.length() <= max ? v : v.substring(0, max);
  }

  public EvidenceStore.Protection protection() {
    return store.protection();
  }

  public Duration linkTtl() {
    return links.ttl();
  }

  private void auditPerCamera(AuditAction action, EvidenceRequest r, Authentication auth, HttpServletRequest http,
      String reason, String details) {
    for (String camera : r.cameraIds()) {
      audit.record(AuditEvent.of(action).by(auth).from(http).camera(camera).range(r.fromMs(), r.toMs())
          .reason(truncate(reason, MAX_TEXT)).details(details + " (case " + r.caseNumber() + ")").build());
    }
  }
}
