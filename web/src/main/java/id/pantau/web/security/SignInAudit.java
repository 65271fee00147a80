package id.pantau.web.security;

import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditEvent;
import id.pantau.web.audit.AuditTrail;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/** Writes sign-in, failed sign-in, lock-out and sign-out to the audit trail, and counts failures. */
class SignInAudit {
  private final AuditTrail audit;
  private final MeterRegistry meters;

  SignInAudit(AuditTrail audit, MeterRegistry meters) {
    this.audit = audit;
    this.meters = meters;
  }

  SavedRequestAwareAuthenticationSuccessHandler successHandler() {
    SavedRequestAwareAuthenticationSuccessHandler h = new SavedRequestAwareAuthenticationSuccessHandler() {
      @Override
      public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
          Authentication authentication) throws ServletException, IOException {
        audit.record(AuditEvent.of(AuditAction.SIGN_IN).by(authentication).from(request).build());
        super.onAuthenticationSuccess(request, response, authentication);
      }
    };
    h.setDefaultTargetUrl("/cameras");
    return h;
  }

  AuthenticationFailureHandler failureHandler() {
    SimpleUrlAuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
    SimpleUrlAuthenticationFailureHandler locked = new SimpleUrlAuthenticationFailureHandler("/login?locked");
    return (request, response, exception) -> {
      String username = request.getParameter("username");
      AuditEvent.Builder e;
      if (exception instanceof SignInThrottledException t) {
        e = AuditEvent.of(AuditAction.SIGN_IN_LOCKED).details((t.lockedNow()
            ? "wrong password; locked for " : "refused while locked; retry in ") + t.retryAfterMinutes() + " min");
      } else {
        e = AuditEvent.of(AuditAction.SIGN_IN_FAILED).details(reason(exception));
      }
      audit.record(e.actor(username == null || username.isBlank() ? "(none)" : username.trim()).from(request)
          .build());
      meters.counter("pantau.signin.failures", "kind", exception instanceof SignInThrottledException
          ? "locked" : "credentials").increment();
      (exception instanceof SignInThrottledException ? locked : wrong)
          .onAuthenticationFailure(request, response, exception);
    };
  }

  LogoutHandler logoutHandler() {
    return (request, response, authentication) -> {
      if (authentication != null) {
        audit.record(AuditEvent.of(AuditAction.SIGN_OUT).by(authentication).from(request).build());
      }
    };
  }

  private static String reason(AuthenticationException e) {
    // the same words for an unknown user and a wrong password: the trail is read by admins, the page by anyone
    String name = e.getClass().getSimpleName();
    return switch (name) {
      case "BadCredentialsException", "UsernameNotFoundException" -> "wrong username or password";
      case "DisabledException" -> "account disabled";
      default -> name;
    };
  }
}
