package id.pantau.web.security;

import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditEvent;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.user.User;
import id.pantau.web.user.UserRepository;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer pantau_...} requests for this request only (no session). A
 * presented but unknown, revoked or disabled token is answered 401 at once rather than falling back to a session.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {
  static final String BEARER = "Bearer ";

  private final ApiTokens tokens;
  private final UserRepository users;
  private final AuditTrail audit;

  ApiTokenAuthenticationFilter(ApiTokens tokens, UserRepository users, AuditTrail audit) {
    this.tokens = tokens;
    this.users = users;
    this.audit = audit;
  }

  static boolean hasBearer(HttpServletRequest request) {
    String h = request.getHeader(HttpHeaders.AUTHORIZATION);
    return h != null && h.regionMatches(true, 0, BEARER, 0, BEARER.length());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!hasBearer(request)) {
      chain.doFilter(request, response);
      return;
    }
    String presented = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).trim();
    Optional<User> user = tokens.authenticate(presented).flatMap(users::findById).filter(User::enabled);
    if (user.isEmpty()) {
      audit.record(AuditEvent.of(AuditAction.API_TOKEN_REJECTED).actor("(token)").from(request)
          .details(request.getMethod() + " " + request.getRequestURI()).build());
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    SignedInUser principal = new SignedInUser(user.get());
    principal.eraseCredentials();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
