package id.pantau.web.security;

import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditContext;
import id.pantau.web.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Per-user API tokens for scripts. A token is 256 random bits shown once at creation; the database keeps its
 * SHA-256 (a slow hash adds nothing for a random secret of that size), so a database dump yields no usable token.
 */
public class ApiTokens {
  /** Every token starts with this, so secret scanners and log masking can recognise one. */
  public static final String PREFIX = "pantau_";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final long LAST_USED_RESOLUTION_MS = 60_000;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final AuditTrail audit;

  public ApiTokens(DataSource dataSource, Clock clock, AuditTrail audit) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.clock = clock;
    this.audit = audit;
  }

  /** A freshly created token: the secret is in {@code token} and cannot be retrieved again. */
  public record Created(ApiToken record, String token) {}

  public Created create(long userId, String username, String name, AuditContext by) {
    String label = name == null || name.isBlank() ? "token" : name.trim();
    if (label.length() > 100) {
      label = label.substring(0, 100);
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    long now = clock.millis();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    String finalLabel = label;
    jdbc.update(con -> {
      var ps = con.prepareStatement("insert into api_token (user_id, name, token_hash, created_wall_ms)"
          + " values (?,?,?,?)", new String[] {"id"});
      ps.setLong(1, userId);
      ps.setString(2, finalLabel);
      ps.setString(3, sha256(token));
      ps.setLong(4, now);
      return ps;
    }, key);
    long id = key.getKey().longValue();
    audit.record(by.event(AuditAction.API_TOKEN_CREATED).details("user=" + username + " token=" + id + " name="
        + label).build());
    return new Created(new ApiToken(id, userId, label, now, null, null), token);
  }

  public List<ApiToken> forUser(long userId) {
    return jdbc.query("select * from api_token where user_id = ? order by id", this::map, userId);
  }

  public Optional<ApiToken> find(long id) {
    return jdbc.query("select * from api_token where id = ?", this::map, id).stream().findFirst();
  }

  /** Revokes the token; returns false if it did not exist or was revoked already. */
  public boolean revoke(long id, AuditContext by) {
    boolean done = jdbc.update("update api_token set revoked_wall_ms = ? where id = ? and revoked_wall_ms is null",
        clock.millis(), id) > 0;
    if (done) {
      audit.record(by.event(AuditAction.API_TOKEN_REVOKED).details("token=" + id).build());
    }
    return done;
  }

  /** The owner of a live token, if the presented value is one. */
  public Optional<Long> authenticate(String presented) {
    if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
      return Optional.empty();
    }
    String hash = sha256(presented);
    List<ApiToken> found = jdbc.query("select * from api_token where token_hash = ? and revoked_wall_ms is null",
        this::map, hash);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiToken t = found.get(0);
    long now = clock.millis();
    if (t.lastUsedWallMs() == null || now - t.lastUsedWallMs() > LAST_USED_RESOLUTION_MS) {
      jdbc.update("update api_token set last_used_wall_ms = ? where id = ?", now, t.id());
    }
    return Optional.of(t.userId());
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private ApiToken map(ResultSet rs, int row) throws SQLException {
    long lastUsed = rs.getLong("last_used_wall_ms");
    Long last = rs.wasNull() ? null : lastUsed;
    long revokedAt = rs.getLong("revoked_wall_ms");
    Long revoked = rs.wasNull() ? null : revokedAt;
    return new ApiToken(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"), rs.getLong("created_wall_ms"),
        last, revoked);
  }
}
