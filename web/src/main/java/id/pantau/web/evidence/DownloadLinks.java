package id.pantau.web.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Expiring download links for evidence packages: {@code ?expires=<epoch ms>&token=<HMAC-SHA256 over request id,
 * user name and expiry>}, keyed by a secret in the data directory (mode 600). A link works only for the user it
 * was issued to, for that request, until it expires; the server checks it, nothing is stored.
 */
public class DownloadLinks {
  static final String KEY_FILE = "evidence-links.key";

  private final byte[] key;
  private final Clock clock;
  private final Duration ttl;

  DownloadLinks(byte[] key, Clock clock, Duration ttl) {
    this.key = key.clone();
    this.clock = clock;
    this.ttl = ttl;
  }

  static DownloadLinks loadOrCreate(Path dir, Clock clock, Duration ttl) {
    Path file = dir.resolve(KEY_FILE);
    try {
      if (!Files.exists(file)) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        OwnerOnlyFiles.writeIfAbsent(file, Base64.getEncoder().encode(fresh));
      }
      return new DownloadLinks(Base64.getDecoder().decode(Files.readString(file).strip()), clock, ttl);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }

  /** A link's query parameters and when it stops working. */
  public record Link(long requestId, long expiresMs, String token) {
    public String path() {
      return "/api/evidence/requests/" + requestId + "/download?expires=" + expiresMs + "&token=" + token;
    }

    public Instant expiresAt() {
      return Instant.ofEpochMilli(expiresMs);
    }
  }

  /** Why a link was refused, or that it holds. */
  public enum Verdict { VALID, EXPIRED, INVALID }

  public Link issue(long requestId, String username) {
    long expires = clock.millis() + ttl.toMillis();
    return new Link(requestId, expires, token(requestId, username, expires));
  }

  public Verdict check(long requestId, String username, long expiresMs, String token) {
    if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
        token(requestId, username, expiresMs).getBytes(StandardCharsets.US_ASCII))) {
      return Verdict.INVALID;
    }
    return clock.millis() < expiresMs ? Verdict.VALID : Verdict.EXPIRED;
  }

  public Duration ttl() {
    return ttl;
  }

  private String token(long requestId, String username, long expiresMs) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] tag = mac.doFinal((requestId + "\n" + username + "\n" + expiresMs).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
