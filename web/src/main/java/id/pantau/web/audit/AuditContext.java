package id.pantau.web.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;

/** Who acts and from which address, carried into services that write audit rows. */
public record AuditContext(String actor, String sourceAddress) {
  public static final AuditContext SYSTEM = new AuditContext(AuditEvent.SYSTEM, null);

  public static AuditContext of(Authentication authentication, HttpServletRequest request) {
    return new AuditContext(authentication == null ? null : authentication.getName(),
        request == null ? null : request.getRemoteAddr());
  }

  /** A builder for an event by this actor from this address. */
  public AuditEvent.Builder event(AuditAction action) {
    return AuditEvent.of(action).actor(actor).source(sourceAddress);
  }
}
