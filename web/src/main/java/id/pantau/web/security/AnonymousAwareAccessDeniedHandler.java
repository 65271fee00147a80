package id.pantau.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A refused request from someone not signed in (for instance a POST without a CSRF token) is answered like any
 * unauthenticated request: 401 for machine paths, the sign-in page for the UI. Signed-in users get 403.
 */
class AnonymousAwareAccessDeniedHandler implements AccessDeniedHandler {
  private final AuthenticationEntryPoint api;
  private final AuthenticationEntryPoint ui;
  private final RequestMatcher machinePaths;
  private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

  AnonymousAwareAccessDeniedHandler(AuthenticationEntryPoint api, AuthenticationEntryPoint ui,
      RequestMatcher machinePaths) {
    this.api = api;
    this.ui = ui;
    this.machinePaths = machinePaths;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException, ServletException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || auth instanceof AnonymousAuthenticationToken) {
      InsufficientAuthenticationException e = new InsufficientAuthenticationException("sign-in required", denied);
      (machinePaths.matches(request) ? api : ui).commence(request, response, e);
      return;
    }
    forbidden.handle(request, response, denied);
  }
}
