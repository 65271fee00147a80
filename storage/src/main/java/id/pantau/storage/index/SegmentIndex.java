package id.pantau.storage.index;

import id.pantau.storage.motion.MotionMarks;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Runs and segments in the index database. Rows are written only after their object is durable. */
public class SegmentIndex {
  static final String SEGMENT_COLUMNS = "id, camera_id, run_id, stream, start_wall_ms, end_wall_ms,"
      + " media_start_90k, media_duration_90k, frame_count, bytes, sha256, object_key, fragment_index, has_motion";
  private static final String RUN_COLUMNS =
      "id, camera_id, stream, start_wall_ms, end_wall_ms, codec, width, height, start_reason";

  private final JdbcTemplate jdbc;
  private final MotionMarks marks;

  public SegmentIndex(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.marks = new MotionMarks(jdbc);
  }

  public JdbcTemplate jdbc() {
    return jdbc;
  }

  /** Inserts a run, or finds it when a run with this uuid is already indexed; returns its id. */
  public long insertRun(UUID runUuid, String cameraId, String stream, long startWallMs, String codec, Integer width,
      Integer height, String startReason) {
    Optional<Long> existing = runId(runUuid);
    if (existing.isPresent()) {
      return existing.get();
    }
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("insert into recording_run (run_uuid, camera_id, stream,"
          + " start_wall_ms, codec, width, height, start_reason) values (?,?,?,?,?,?,?,?)", new String[] {"id"});
      ps.setString(1, runUuid.toString());
      ps.setString(2, cameraId);
      ps.setString(3, stream);
      ps.setLong(4, startWallMs);
      ps.setString(5, codec);
      ps.setObject(6, width);
      ps.setObject(7, height);
      ps.setString(8, startReason);
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  public Optional<Long> runId(UUID runUuid) {
    return jdbc.queryForList("select id from recording_run where run_uuid = ?", Long.class, runUuid.toString())
        .stream().findFirst();
  }

  /** Records the wall time of a run's last indexed frame; the run may continue after a restart of the recorder. */
  public void extendRun(long runId, long endWallMs) {
    jdbc.update("update recording_run set end_wall_ms = ? where id = ? and (end_wall_ms is null or end_wall_ms < ?)",
        endWallMs, runId, endWallMs);
  }

  /** Inserts a segment row; idempotent on object key so a retried upload never indexes twice. */
  public boolean insertSegment(SegmentRow s) {
    Integer existing = jdbc.queryForObject("select count(*) from segment where object_key = ?", Integer.class,
        s.objectKey());
    if (existing != null && existing > 0) {
      return false;
    }
    jdbc.update("insert into segment (camera_id, run_id, stream, start_wall_ms, end_wall_ms, media_start_90k,"
            + " media_duration_90k, frame_count, bytes, sha256, object_key, fragment_index, has_motion)"
            + " values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        s.cameraId(), s.runId(), s.stream(), s.startWallMs(), s.endWallMs(), s.mediaStart90k(), s.mediaDuration90k(),
        s.frameCount(), s.bytes(), s.sha256(), s.objectKey(), s.fragmentIndex(), s.hasMotion());
    // after the insert, so an event stored meanwhile is seen either here or by its own marking
    marks.markSegment(s.objectKey());
    extendRun(s.runId(), s.endWallMs());
    return true;
  }

  /** Segments of a camera stream overlapping [fromMs, toMs), in time order. */
  public List<SegmentRow> segments(String cameraId, String stream, long fromMs, long toMs) {
    return jdbc.query("select " + SEGMENT_COLUMNS + " from segment where camera_id = ? and stream = ?"
        + " and start_wall_ms < ? and end_wall_ms > ? order by start_wall_ms", SegmentIndex::mapSegment,
        cameraId, stream, toMs, fromMs);
  }

  /** Runs of a camera stream overlapping [fromMs, toMs), in time order. */
  public List<RunRow> runs(String cameraId, String stream, long fromMs, long toMs) {
    return jdbc.query("select " + RUN_COLUMNS + " from recording_run where camera_id = ? and stream = ?"
        + " and start_wall_ms < ? and (end_wall_ms is null or end_wall_ms > ?) order by start_wall_ms",
        SegmentIndex::mapRun, cameraId, stream, toMs, fromMs);
  }

  public Optional<SegmentRow> segmentByKey(String objectKey) {
    return jdbc.query("select " + SEGMENT_COLUMNS + " from segment where object_key = ?", SegmentIndex::mapSegment,
        objectKey).stream().findFirst();
  }

  /** Every segment of one camera (all its streams), oldest first; for the consistency check. */
  public List<SegmentRow> segmentsOfCamera(String cameraId) {
    return jdbc.query("select " + SEGMENT_COLUMNS + " from segment where camera_id = ? order by start_wall_ms",
        SegmentIndex::mapSegment, cameraId);
  }

  /** Ids of the cameras that have segments. */
  public List<String> camerasWithSegments() {
    return jdbc.queryForList("select distinct camera_id from segment", String.class);
  }

  /** Every segment, oldest first; for tests and the benchmark's summary (loads them all). */
  public List<SegmentRow> allSegmentsOldestFirst() {
    return jdbc.query("select " + SEGMENT_COLUMNS + " from segment order by start_wall_ms", SegmentIndex::mapSegment);
  }

  /**
   * The next page of segments in start order after ({@code afterStartWallMs}, {@code afterId}) that ended before
   * {@code endBeforeMs}; keyset paging, so rows deleted between pages shift nothing and memory stays bounded.
   */
  public List<SegmentRow> segmentsOldestFirstAfter(long afterStartWallMs, long afterId, long endBeforeMs,
      int limit) {
    return jdbc.query("select " + SEGMENT_COLUMNS + " from segment where (start_wall_ms > ? or (start_wall_ms = ?"
        + " and id > ?)) and end_wall_ms < ? order by start_wall_ms, id fetch first " + limit + " rows only",
        SegmentIndex::mapSegment, afterStartWallMs, afterStartWallMs, afterId, endBeforeMs);
  }

  public boolean hasSegments(String cameraId) {
    return !jdbc.queryForList("select id from segment where camera_id = ? fetch first 1 rows only", Long.class,
        cameraId).isEmpty();
  }

  public long totalBytes() {
    Long n = jdbc.queryForObject("select coalesce(sum(bytes), 0) from segment", Long.class);
    return n == null ? 0 : n;
  }

  static SegmentRow mapSegment(ResultSet rs, int row) throws SQLException {
    return new SegmentRow(rs.getLong("id"), rs.getString("camera_id"), rs.getLong("run_id"), rs.getString("stream"),
        rs.getLong("start_wall_ms"), rs.getLong("end_wall_ms"), rs.getLong("media_start_90k"),
        rs.getLong("media_duration_90k"), rs.getInt("frame_count"), rs.getLong("bytes"), rs.getString("sha256"),
        rs.getString("object_key"), rs.getString("fragment_index"), rs.getBoolean("has_motion"));
  }

  static RunRow mapRun(ResultSet rs, int row) throws SQLException {
    long end = rs.getLong("end_wall_ms");
    Long endOrNull = rs.wasNull() ? null : end;
    int w = rs.getInt("width");
    Integer width = rs.wasNull() ? null : w;
    int h = rs.getInt("height");
    Integer height = rs.wasNull() ? null : h;
    return new RunRow(rs.getLong("id"), rs.getString("camera_id"), rs.getString("stream"),
        rs.getLong("start_wall_ms"), endOrNull, rs.getString("codec"), width, height, rs.getString("start_reason"));
  }
}
