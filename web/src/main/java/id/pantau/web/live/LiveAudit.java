package id.pantau.web.live;

import id.pantau.recorder.live.FeedKey;
import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditEvent;
import id.pantau.web.audit.AuditTrail;
import org.springframework.stereotype.Component;

/** Live sessions in the audit trail: who watched which camera stream, from where, through what, for how long. */
@Component
class LiveAudit {
  private final AuditTrail audit;

  LiveAudit(AuditTrail audit) {
    this.audit = audit;
  }

  void started(String user, FeedKey key, String sourceAddress, String via) {
    audit.record(AuditEvent.of(AuditAction.LIVE_START).actor(user).camera(key.cameraId()).source(sourceAddress)
        .details("stream=" + key.stream().pathName() + " via=" + via).build());
  }

  void stopped(String user, FeedKey key, String sourceAddress, String via, long durationMs, String outcome) {
    audit.record(AuditEvent.of(AuditAction.LIVE_STOP).actor(user).camera(key.cameraId()).source(sourceAddress)
        .details("stream=" + key.stream().pathName() + " via=" + via + " duration_ms=" + durationMs
            + (outcome == null ? "" : " " + outcome)).build());
  }
}
