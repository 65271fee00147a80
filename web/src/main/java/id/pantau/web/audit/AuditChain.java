package id.pantau.web.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of an audit row: SHA-256 over the previous row's hash and the row's fields in a canonical,
 * length-prefixed form, so no two different rows serialise alike.
 */
final class AuditChain {
  static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /** The hash a row with these fields must carry; the action is taken by its stored name. */
  static String hash(String prevHash, long seq, long atWallMs, String actor, String action, String cameraId,
      Long fromMs, Long toMs, String reason, String sourceAddress, String details) {
    StringBuilder b = new StringBuilder(256).append(prevHash).append('\n');
    field(b, Long.toString(seq));
    field(b, Long.toString(atWallMs));
    field(b, actor);
    field(b, action);
    field(b, cameraId);
    field(b, fromMs == null ? null : fromMs.toString());
    field(b, toMs == null ? null : toMs.toString());
    field(b, reason);
    field(b, sourceAddress);
    field(b, details);
    return sha256(b.toString());
  }

  private static void field(StringBuilder b, String value) {
    if (value == null) {
      b.append("-;");
    } else {
      b.append(value.length()).append(':').append(value).append(';');
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
