package id.pantau.web.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Sign-in refused without checking the password, because of earlier failures. */
public class SignInThrottledException extends AuthenticationException {
  private final Duration retryAfter;
  private final boolean lockedNow;

  /** {@code lockedNow}: this attempt (a wrong password) caused the lock; else the pair was locked already. */
  public SignInThrottledException(Duration retryAfter, boolean lockedNow) {
    super("too many failed sign-ins; try again in " + Math.max(1, (retryAfter.toSeconds() + 59) / 60) + " minutes");
    this.retryAfter = retryAfter;
    this.lockedNow = lockedNow;
  }

  public boolean lockedNow() {
    return lockedNow;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole minutes, rounded up, for the message shown to the user. */
  public long retryAfterMinutes() {
    return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
  }
}
