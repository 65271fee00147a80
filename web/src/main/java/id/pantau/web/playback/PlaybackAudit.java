package id.pantau.web.playback;

import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditEvent;
import id.pantau.web.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;

/**
 * Records {@link AuditAction#PLAYBACK} once per viewer (user and session), camera and hour of recordings, however
 * many playlists and fragments the player fetches: a playlist records its window, a segment fetched outside any
 * audited window records its own range.
 */
class PlaybackAudit {
  private static final long HOUR_MS = 3_600_000;
  private static final int PRUNE_ABOVE = 10_000;

  private final AuditTrail trail;
  private final Clock clock;
  private final long repeatMs;
  private final Map<String, Long> lastAuditedMs = new ConcurrentHashMap<>();

  PlaybackAudit(AuditTrail trail, Clock clock, Duration repeatAfter) {
    this.trail = trail;
    this.clock = clock;
    this.repeatMs = repeatAfter.toMillis();
  }

  /** A playlist or timeline window of recordings handed to the viewer. */
  void window(Authentication auth, HttpServletRequest request, String cameraId, long fromMs, long toMs,
      String details) {
    long now = clock.millis();
    String viewer = viewer(auth, request);
    boolean covered = true;
    for (long h = Math.floorDiv(fromMs, HOUR_MS); h * HOUR_MS < toMs; h++) {
      covered &= fresh(viewer, cameraId, h, now);
    }
    if (!covered) {
      for (long h = Math.floorDiv(fromMs, HOUR_MS); h * HOUR_MS < toMs; h++) {
        lastAuditedMs.put(key(viewer, cameraId, h), now);
      }
      record(auth, request, cameraId, fromMs, toMs, details);
    }
  }

  /** Bytes of one segment; audited only when no window of this viewer covers its hour. */
  void segment(Authentication auth, HttpServletRequest request, String cameraId, long startWallMs, long endWallMs) {
    long now = clock.millis();
    String viewer = viewer(auth, request);
    long hour = Math.floorDiv(startWallMs, HOUR_MS);
    if (!fresh(viewer, cameraId, hour, now)) {
      lastAuditedMs.put(key(viewer, cameraId, hour), now);
      record(auth, request, cameraId, startWallMs, endWallMs, "segment");
    }
  }

  private boolean fresh(String viewer, String cameraId, long hour, long now) {
    Long last = lastAuditedMs.get(key(viewer, cameraId, hour));
    return last != null && now - last < repeatMs;
  }

  private void record(Authentication auth, HttpServletRequest request, String cameraId, long fromMs, long toMs,
      String details) {
    if (lastAuditedMs.size() > PRUNE_ABOVE) {
      long now = clock.millis();
      lastAuditedMs.values().removeIf(t -> now - t >= repeatMs);
    }
    trail.record(AuditEvent.of(AuditAction.PLAYBACK).by(auth).from(request).camera(cameraId).range(fromMs, toMs)
        .details(details).build());
  }

  private static String viewer(Authentication auth, HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return (auth == null ? "" : auth.getName()) + "|" + (session == null ? "token" : session.getId());
  }

  private static String key(String viewer, String cameraId, long hour) {
    return viewer + "|" + cameraId + "|" + hour;
  }
}
