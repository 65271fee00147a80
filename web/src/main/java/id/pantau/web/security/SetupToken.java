package id.pantau.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one-time token that lets whoever can read the server log create the first administrator. It lives in
 * memory only, changes on every start while no user exists, and is spent by its first successful use.
 */
public class SetupToken {
  private static final SecureRandom RANDOM = new SecureRandom();

  private volatile byte[] token;

  /** Creates a fresh token and returns it (to be logged once). */
  synchronized String issue() {
    byte[] t = new byte[24];
    RANDOM.nextBytes(t);
    String s = Base64.getUrlEncoder().withoutPadding().encodeToString(t);
    token = s.getBytes(StandardCharsets.US_ASCII);
    return s;
  }

  /** True while a token is outstanding and {@code presented} is it (compared in constant time). */
  public boolean matches(String presented) {
    byte[] t = token;
    return t != null && presented != null
        && MessageDigest.isEqual(t, presented.getBytes(StandardCharsets.US_ASCII));
  }

  /** Spends the token if {@code presented} matches; only one caller can succeed. */
  synchronized boolean spend(String presented) {
    if (!matches(presented)) {
      return false;
    }
    token = null;
    return true;
  }

  public boolean outstanding() {
    return token != null;
  }
}
