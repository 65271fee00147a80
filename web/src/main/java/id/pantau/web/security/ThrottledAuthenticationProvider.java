package id.pantau.web.security;

import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password sign-in guarded by {@link SignInThrottle}: a locked pair is refused before its password is checked. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {
  private final AuthenticationProvider passwords;
  private final SignInThrottle throttle;

  ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
    this.passwords = passwords;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String username = attempt.getName();
    String source = attempt.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    Duration locked = throttle.lockedFor(username, source).orElse(null);
    if (locked != null) {
      throw new SignInThrottledException(locked, false);
    }
    try {
      Authentication result = passwords.authenticate(attempt);
      throttle.succeeded(username, source);
      return result;
    } catch (AuthenticationException e) {
      if (throttle.failed(username, source)) {
        throw new SignInThrottledException(throttle.lockout(), true);
      }
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
