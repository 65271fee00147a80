package id.pantau.web.security;

import id.pantau.web.user.User;
import id.pantau.web.user.UserRepository;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads a session's user on every request: a disabled or deleted user, or one whose password changed since
 * sign-in, is signed out at once; role changes apply from the next request.
 */
class ActiveUserFilter extends OncePerRequestFilter {
  private final UserRepository users;

  ActiveUserFilter(UserRepository users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof SignedInUser signedIn
        && !ApiTokenAuthenticationFilter.hasBearer(request)) {
      Optional<User> now = users.findById(signedIn.id())
          .filter(u -> u.enabled() && u.sessionEpoch() == signedIn.sessionEpoch());
      if (now.isEmpty()) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
      } else if (!now.get().roles().equals(signedIn.roles())
          || !now.get().displayName().equals(signedIn.displayName())) {
        SignedInUser fresh = new SignedInUser(now.get());
        fresh.eraseCredentials();
        SecurityContext context = SecurityContextHolder.getContext();
        // the session holds this same context object, so the refreshed principal is kept for later requests
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null,
            fresh.getAuthorities()));
      }
    }
    chain.doFilter(request, response);
  }
}
