package id.pantau.web.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.springframework.security.core.Authentication;

/**
 * One thing to record: who did what, to which camera and time range, why, and from where. The time is added
 * by {@link AuditTrail} from its clock. Build with {@link #of(AuditAction)}.
 */
public record AuditEvent(
    String actor,
    AuditAction action,
    String cameraId,
    Long fromMs,
    Long toMs,
    String reason,
    String sourceAddress,
    String details) {

  /** The actor recorded for the system itself (start-up, scheduled jobs). */
  public static final String SYSTEM = "system";

  public AuditEvent {
    Objects.requireNonNull(action, "action");
    actor = actor == null || actor.isBlank() ? SYSTEM : actor;
  }

  public static Builder of(AuditAction action) {
    return new Builder(action);
  }

  /** Fluent construction; every field but the action is optional. */
  public static final class Builder {
    private final AuditAction action;
    private String actor;
    private String cameraId;
    private Long fromMs;
    private Long toMs;
    private String reason;
    private String sourceAddress;
    private String details;

    private Builder(AuditAction action) {
      this.action = action;
    }

    public Builder actor(String actor) {
      this.actor = actor;
      return this;
    }

    /** The signed-in user's name (or the token owner's). */
    public Builder by(Authentication authentication) {
      this.actor = authentication == null ? null : authentication.getName();
      return this;
    }

    /** The client address as the servlet container sees it (after forwarded-header processing, if enabled). */
    public Builder from(HttpServletRequest request) {
      this.sourceAddress = request == null ? null : request.getRemoteAddr();
      return this;
    }

    public Builder source(String sourceAddress) {
      this.sourceAddress = sourceAddress;
      return this;
    }

    public Builder camera(String cameraId) {
      this.cameraId = cameraId;
      return this;
    }

    /** The media time range concerned, UTC epoch milliseconds. */
    public Builder range(Long fromMs, Long toMs) {
      this.fromMs = fromMs;
      this.toMs = toMs;
      return this;
    }

    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    public Builder details(String details) {
      this.details = details;
      return this;
    }

    public AuditEvent build() {
      return new AuditEvent(actor, action, cameraId, fromMs, toMs, reason, sourceAddress, details);
    }
  }
}
