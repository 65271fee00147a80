package id.pantau.storage.retention;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Evidence holds in the index: camera ranges that retention must keep. */
public class EvidenceHolds {
  private final JdbcTemplate jdbc;

  public EvidenceHolds(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public long place(String cameraId, long startWallMs, long endWallMs, String caseNumber, String reason,
      String createdBy, long nowMs) {
    if (endWallMs <= startWallMs) {
      throw new IllegalArgumentException("hold range is empty: end must be after start");
    }
    jdbc.update("insert into evidence_hold (camera_id, start_wall_ms, end_wall_ms, case_number, reason, created_by,"
        + " created_wall_ms) values (?,?,?,?,?,?,?)", cameraId, startWallMs, endWallMs, caseNumber, reason,
        createdBy, nowMs);
    Long id = jdbc.queryForObject("select max(id) from evidence_hold where camera_id = ? and created_wall_ms = ?",
        Long.class, cameraId, nowMs);
    return id == null ? -1 : id;
  }

  public void release(long holdId, long nowMs) {
    jdbc.update("update evidence_hold set released_wall_ms = ? where id = ? and released_wall_ms is null", nowMs,
        holdId);
  }

  /** Holds in force now. */
  public List<RetentionPolicy.Hold> active() {
    return jdbc.query("select camera_id, start_wall_ms, end_wall_ms from evidence_hold where released_wall_ms is null",
        (rs, i) -> new RetentionPolicy.Hold(rs.getString(1), rs.getLong(2), rs.getLong(3)));
  }
}
