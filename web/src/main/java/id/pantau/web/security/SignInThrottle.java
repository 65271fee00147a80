package id.pantau.web.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per username and source address; after {@code maxFailures} within {@code window} the
 * pair is locked for {@code lockout}, even for the right password, so guessing cannot go on.
 */
public class SignInThrottle {
  // bounds memory when someone sprays many names from many addresses
  private static final int MAX_TRACKED = 50_000;

  private final Clock clock;
  private final int maxFailures;
  private final Duration window;
  private final Duration lockout;
  private final Map<Key, Attempts> attempts = new ConcurrentHashMap<>();

  public SignInThrottle(Clock clock, int maxFailures, Duration window, Duration lockout) {
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.window = window;
    this.lockout = lockout;
  }

  public Duration lockout() {
    return lockout;
  }

  /** How long the pair stays locked, if it is. */
  public Optional<Duration> lockedFor(String username, String source) {
    Attempts a = attempts.get(key(username, source));
    long now = clock.millis();
    if (a == null || a.lockedUntilMs <= now) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(a.lockedUntilMs - now));
  }

  /** Records a failure; returns true when this failure locked the pair. */
  public boolean failed(String username, String source) {
    long now = clock.millis();
    if (attempts.size() > MAX_TRACKED) {
      attempts.values().removeIf(a -> a.lockedUntilMs <= now && a.windowStartMs + window.toMillis() <= now);
    }
    Attempts a = attempts.compute(key(username, source), (k, old) -> {
      Attempts n = old == null || old.windowStartMs + window.toMillis() <= now && old.lockedUntilMs <= now
          ? new Attempts(now, 0, 0) : old;
      int count = n.count + 1;
      long lockedUntil = count >= maxFailures ? now + lockout.toMillis() : n.lockedUntilMs;
      return new Attempts(n.windowStartMs, count >= maxFailures ? 0 : count, lockedUntil);
    });
    return a.lockedUntilMs > now && a.count == 0;
  }

  public void succeeded(String username, String source) {
    attempts.remove(key(username, source));
  }

  private static Key key(String username, String source) {
    return new Key(username == null ? "" : username.trim().toLowerCase(Locale.ROOT), source == null ? "" : source);
  }

  private record Key(String username, String source) {}

  private record Attempts(long windowStartMs, int count, long lockedUntilMs) {}
}
