package id.pantau.web.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only audit trail. Each row carries the previous row's hash, and appends are serialised (one
 * writer in this JVM, and a row lock on the chain head across nodes), so the rows form one verifiable chain.
 */
public class AuditTrail {
  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
  private static final String COLUMNS = "seq, at_wall_ms, actor, action, camera_id, from_wall_ms, to_wall_ms,"
      + " reason, source_address, details, prev_hash, hash";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Object appendLock = new Object();

  public AuditTrail(DataSource dataSource, TransactionTemplate tx, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.tx = tx;
    this.clock = clock;
  }

  /** Appends the event and returns the stored row. Throws if it cannot be stored: callers must not go on. */
  public AuditRecord record(AuditEvent e) {
    synchronized (appendLock) {
      AuditRecord r = tx.execute(status -> append(e));
      log.debug("audit {} {} by {} camera={}", r.seq(), r.action(), r.actor(), r.cameraId());
      return r;
    }
  }

  private AuditRecord append(AuditEvent e) {
    Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from audit_head where id = 1 for update");
    long seq = ((Number) head.get("LAST_SEQ")).longValue() + 1;
    String prev = ((String) head.get("LAST_HASH")).trim();
    long at = clock.millis();
    String actor = cut(e.actor(), 64);
    String camera = cut(e.cameraId(), 64);
    String reason = cut(e.reason(), 1000);
    String source = cut(e.sourceAddress(), 64);
    String details = cut(e.details(), 4000);
    String hash = AuditChain.hash(prev, seq, at, actor, e.action().name(), camera, e.fromMs(), e.toMs(), reason,
        source, details);
    jdbc.update("insert into audit_event (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?)", seq, at, actor,
        e.action().name(), camera, e.fromMs(), e.toMs(), reason, source, details, prev, hash);
    jdbc.update("update audit_head set last_seq = ?, last_hash = ? where id = 1", seq, hash);
    return new AuditRecord(seq, at, actor, e.action(), camera, e.fromMs(), e.toMs(), reason, source, details, prev,
        hash);
  }

  /** Newest first, {@code limit} rows from {@code offset}. */
  public List<AuditRecord> find(AuditFilter f, int offset, int limit) {
    Where w = where(f);
    List<Object> args = new ArrayList<>(w.args);
    args.add(limit);
    args.add(offset);
    return jdbc.query("select " + COLUMNS + " from audit_event" + w.sql + " order by seq desc limit ? offset ?",
        this::map, args.toArray());
  }

  public long count(AuditFilter f) {
    Where w = where(f);
    Long n = jdbc.queryForObject("select count(*) from audit_event" + w.sql, Long.class, w.args.toArray());
    return n == null ? 0 : n;
  }

  /** Streams matching rows oldest first (for exports), without holding them all in memory. */
  public void forEach(AuditFilter f, Consumer<AuditRecord> consumer) {
    Where w = where(f);
    jdbc.query("select " + COLUMNS + " from audit_event" + w.sql + " order by seq", rs -> {
      consumer.accept(map(rs, 0));
    }, w.args.toArray());
  }

  /**
   * Walks the whole chain: sequence numbers without gaps, each row linked to the one before, each hash
   * matching the row's fields, and the last row matching the head.
   */
  public AuditVerification verify() {
    ChainWalk walk = new ChainWalk();
    jdbc.query("select " + COLUMNS + " from audit_event order by seq", rs -> {
      walk.accept(rs);
    });
    Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from audit_head where id = 1");
    return walk.finish(((Number) head.get("LAST_SEQ")).longValue(), ((String) head.get("LAST_HASH")).trim());
  }

  /** Checks rows in order and remembers the first break. */
  private static final class ChainWalk {
    long rows;
    long lastSeq;
    String lastHash = AuditChain.GENESIS;
    AuditVerification broken;

    /** Reads the raw columns: an edited row may hold values no enum or record would accept. */
    void accept(ResultSet rs) throws SQLException {
      if (broken != null) {
        return;
      }
      rows++;
      long seq = rs.getLong("seq");
      String prev = trim(rs.getString("prev_hash"));
      String hash = trim(rs.getString("hash"));
      String expected = AuditChain.hash(prev, seq, rs.getLong("at_wall_ms"), rs.getString("actor"),
          rs.getString("action"), rs.getString("camera_id"), nullableLong(rs, "from_wall_ms"),
          nullableLong(rs, "to_wall_ms"), rs.getString("reason"), rs.getString("source_address"),
          rs.getString("details"));
      if (seq != lastSeq + 1) {
        broken = AuditVerification.broken(rows, seq, lastSeq + 1 == seq - 1
            ? "row " + (lastSeq + 1) + " is missing (deleted)"
            : "rows " + (lastSeq + 1) + " to " + (seq - 1) + " are missing (deleted)");
      } else if (!prev.equals(lastHash)) {
        broken = AuditVerification.broken(rows, seq, "its link to the previous row does not match"
            + " (a row before it was changed or replaced)");
      } else if (!expected.equals(hash)) {
        broken = AuditVerification.broken(rows, seq, "its contents do not match its hash (edited)");
      }
      lastSeq = seq;
      lastHash = hash;
    }

    private static String trim(String s) {
      return s == null ? "" : s.trim();
    }

    AuditVerification finish(long headSeq, String headHash) {
      if (broken != null) {
        return broken;
      }
      if (headSeq != lastSeq || !headHash.equals(lastHash)) {
        return AuditVerification.broken(rows, lastSeq + 1, headSeq > lastSeq
            ? "the newest rows " + (lastSeq + 1) + " to " + headSeq + " are missing (deleted)"
            : "the chain head does not match the last row " + lastSeq);
      }
      return AuditVerification.ok(rows, lastHash);
    }
  }

  private record Where(String sql, List<Object> args) {}

  private static Where where(AuditFilter f) {
    StringBuilder sql = new StringBuilder();
    List<Object> args = new ArrayList<>();
    if (f.actor() != null && !f.actor().isBlank()) {
      clause(sql, "actor = ?");
      args.add(f.actor().trim());
    }
    if (f.action() != null) {
      clause(sql, "action = ?");
      args.add(f.action().name());
    }
    if (f.cameraId() != null && !f.cameraId().isBlank()) {
      clause(sql, "camera_id = ?");
      args.add(f.cameraId().trim());
    }
    if (f.fromMs() != null) {
      clause(sql, "at_wall_ms >= ?");
      args.add(f.fromMs());
    }
    if (f.toMs() != null) {
      clause(sql, "at_wall_ms < ?");
      args.add(f.toMs());
    }
    return new Where(sql.toString(), args);
  }

  private static void clause(StringBuilder sql, String c) {
    sql.append(sql.isEmpty() ? " where " : " and ").append(c);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private AuditRecord map(ResultSet rs, int row) throws SQLException {
    return new AuditRecord(rs.getLong("seq"), rs.getLong("at_wall_ms"), rs.getString("actor"),
        AuditAction.valueOf(rs.getString("action")), rs.getString("camera_id"), nullableLong(rs, "from_wall_ms"),
        nullableLong(rs, "to_wall_ms"), rs.getString("reason"), rs.getString("source_address"),
        rs.getString("details"), rs.getString("prev_hash").trim(), rs.getString("hash").trim());
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
