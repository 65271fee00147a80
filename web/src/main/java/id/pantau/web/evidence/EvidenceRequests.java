package id.pantau.web.evidence;

import id.pantau.web.evidence.EvidenceRequest.Status;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence requests in the index database. State changes are conditional updates on the current status, so two
 * supervisors deciding at once, or a build racing a decision, cannot both win.
 */
public class EvidenceRequests {
  private static final String COLUMNS = "id, requester, case_number, reason, from_wall_ms, to_wall_ms, time_zone,"
      + " status, created_wall_ms, decided_by, decision_note, decided_wall_ms, progress_permille, attempts,"
      + " package_key, package_sha256, package_bytes, object_lock, failure, ready_wall_ms";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  public EvidenceRequests(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /** A new request, PENDING; returns its id. */
  public long create(String requester, List<String> cameraIds, long fromMs, long toMs, String timeZone,
      String caseNumber, String reason, long nowMs) {
    Long id = tx.execute(status -> {
      GeneratedKeyHolder keys = new GeneratedKeyHolder();
      jdbc.update(con -> {
        PreparedStatement ps = con.prepareStatement("insert into evidence_request (requester, case_number, reason,"
            + " from_wall_ms, to_wall_ms, time_zone, status, created_wall_ms) values (?,?,?,?,?,?,?,?)",
            new String[] {"id"});
        ps.setString(1, requester);
        ps.setString(2, caseNumber);
        ps.setString(3, reason);
        ps.setLong(4, fromMs);
        ps.setLong(5, toMs);
        ps.setString(6, timeZone);
        ps.setString(7, Status.PENDING.name());
        ps.setLong(8, nowMs);
        return ps;
      }, keys);
      long newId = keys.getKey().longValue();
      for (String camera : cameraIds) {
        jdbc.update("insert into evidence_request_camera (request_id, camera_id) values (?,?)", newId, camera);
      }
      return newId;
    });
    return id == null ? -1 : id;
  }

  public Optional<EvidenceRequest> find(long id) {
    return query("where id = ?", id).stream().findFirst();
  }

  /** Every request, newest first. */
  public List<EvidenceRequest> all() {
    return query("order by id desc");
  }

  /** Requests approved but not built yet (queued, or cut off by a restart), oldest first. */
  public List<EvidenceRequest> unfinished() {
    return query("where status in ('APPROVED', 'BUILDING') order by id");
  }

  /** Records the decision if the request is still PENDING; false if someone else decided first. */
  public boolean decide(long id, boolean approve, String by, String note, long nowMs) {
    return jdbc.update("update evidence_request set status = ?, decided_by = ?, decision_note = ?,"
        + " decided_wall_ms = ? where id = ? and status = 'PENDING'", (approve ? Status.APPROVED : Status.REJECTED)
        .name(), by, note, nowMs, id) == 1;
  }

  public void holdPlaced(long id, String cameraId, long holdId) {
    jdbc.update("update evidence_request_camera set hold_id = ? where request_id = ? and camera_id = ?", holdId, id,
        cameraId);
  }

  /** Moves an approved (or interrupted) request to BUILDING and counts the attempt; false if it is neither. */
  public boolean startBuild(long id) {
    return jdbc.update("update evidence_request set status = 'BUILDING', attempts = attempts + 1,"
        + " progress_permille = 0, failure = null where id = ? and status in ('APPROVED', 'BUILDING')", id) == 1;
  }

  public void progress(long id, int permille) {
    jdbc.update("update evidence_request set progress_permille = ? where id = ? and status = 'BUILDING'", permille,
        id);
  }

  public void ready(long id, String packageKey, String sha256, long bytes, String objectLock, long nowMs) {
    jdbc.update("update evidence_request set status = 'READY', progress_permille = 1000, package_key = ?,"
        + " package_sha256 = ?, package_bytes = ?, object_lock = ?, ready_wall_ms = ? where id = ?", packageKey,
        sha256, bytes, objectLock, nowMs, id);
  }

  public void failed(long id, String failure) {
    jdbc.update("update evidence_request set status = 'FAILED', failure = ? where id = ?",
        failure.length() > 1000 ? failure.substring(0, 1000) : failure, id);
  }

  private List<EvidenceRequest> query(String where, Object... args) {
    List<Row> rows = jdbc.query("select " + COLUMNS + " from evidence_request " + where, (rs, i) -> row(rs), args);
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<String>> cameras = new HashMap<>();
    String sql = "select request_id, camera_id from evidence_request_camera"
        + (rows.size() == 1 ? " where request_id = " + rows.get(0).id() : "") + " order by camera_id";
    jdbc.query(sql, rs -> {
      cameras.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
    });
    return rows.stream().map(r -> r.with(cameras.getOrDefault(r.id(), List.of()))).toList();
  }

  /** The request's own columns, before its cameras are joined in. */
  private record Row(long id, String requester, String caseNumber, String reason, long fromMs, long toMs,
      String zone, Status status, long createdMs, String decidedBy, String note, Long decidedMs, int progress,
      int attempts, String key, String sha, Long bytes, String lock, String failure, Long readyMs) {
    EvidenceRequest with(List<String> cameraIds) {
      return new EvidenceRequest(id, requester, cameraIds, fromMs, toMs, zone, caseNumber, reason, status,
          createdMs, decidedBy, note, decidedMs, progress, attempts, key, sha, bytes, lock, failure, readyMs);
    }
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(rs.getLong("id"), rs.getString("requester"), rs.getString("case_number"), rs.getString("reason"),
        rs.getLong("from_wall_ms"), rs.getLong("to_wall_ms"), rs.getString("time_zone"),
        Status.valueOf(rs.getString("status")), rs.getLong("created_wall_ms"), rs.getString("decided_by"),
        rs.getString("decision_note"), nullableLong(rs, "decided_wall_ms"), rs.getInt("progress_permille"),
        rs.getInt("attempts"), rs.getString("package_key"), rs.getString("package_sha256"),
        nullableLong(rs, "package_bytes"), rs.getString("object_lock"), rs.getString("failure"),
        nullableLong(rs, "ready_wall_ms"));
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
