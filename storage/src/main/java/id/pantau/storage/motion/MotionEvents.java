package id.pantau.storage.motion;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Motion events in the index; starting and ending an event marks the segments it overlaps. */
public class MotionEvents {
    private static final String COLUMNS = "id, camera_id, start_wall_ms, end_wall_ms, pre_roll_ms, post_roll_ms,"
            + " peak_score, boxes, snapshot_key";
    /** Most events one query returns; a busy camera's month would otherwise be unbounded. */
    public static final int MAX_ROWS = 5000;

    private final JdbcTemplate jdbc;
    private final MotionMarks marks;

    public MotionEvents(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.marks = new MotionMarks(jdbc);
    }

    /** Records an ongoing event; returns its id. */
    public long start(String cameraId, long startWallMs, int preRollMs, int postRollMs, double score, List<Box> boxes) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into motion_event (camera_id, start_wall_ms,"
                    + " pre_roll_ms, post_roll_ms, peak_score, boxes) values (?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, cameraId);
            ps.setLong(2, startWallMs);
            ps.setInt(3, preRollMs);
            ps.setInt(4, postRollMs);
            ps.setDouble(5, score);
            ps.setString(6, MotionJson.boxes(boxes));
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        marks.markEvent(id);
        return id;
    }

    public void attachSnapshot(long eventId, String objectKey) {
        jdbc.update("update motion_event set snapshot_key = ? where id = ?", objectKey, eventId);
    }

    /** Closes an event and marks the segments its whole clip overlaps. */
    public void end(long eventId, long endWallMs, double peakScore) {
        jdbc.update("update motion_event set end_wall_ms = ?, peak_score = ? where id = ?", endWallMs, peakScore,
                eventId);
        marks.markEvent(eventId);
    }

    /**
     * Closes the events of a camera left ongoing by a recorder that stopped without ending them (a crash): they
     * end where they started, since nothing is known about what followed. Returns how many there were.
     */
    public int closeDangling(String cameraId) {
        return jdbc.update("update motion_event set end_wall_ms = start_wall_ms where camera_id = ?"
                + " and end_wall_ms is null", cameraId);
    }

    /** Events of a camera whose clip overlaps [fromMs, toMs), in time order, at most {@link #MAX_ROWS}. */
    public List<MotionEvent> between(String cameraId, long fromMs, long toMs) {
        return jdbc.query("select " + COLUMNS + " from motion_event where camera_id = ?"
                + " and start_wall_ms - pre_roll_ms < ?"
                + " and (end_wall_ms is null or end_wall_ms + post_roll_ms > ?)"
                + " order by start_wall_ms, id fetch first " + MAX_ROWS + " rows only",
                MotionEvents::map, cameraId, toMs, fromMs);
    }

    public Optional<MotionEvent> find(String cameraId, long eventId) {
        return jdbc.query("select " + COLUMNS + " from motion_event where camera_id = ? and id = ?", MotionEvents::map,
                cameraId, eventId).stream().findFirst();
    }

    static MotionEvent map(ResultSet rs, int row) throws SQLException {
        long end = rs.getLong("end_wall_ms");
        Long endOrNull = rs.wasNull() ? null : end;
        return new MotionEvent(rs.getLong("id"), rs.getString("camera_id"), rs.getLong("start_wall_ms"), endOrNull,
                rs.getInt("pre_roll_ms"), rs.getInt("post_roll_ms"), rs.getDouble("peak_score"),
                MotionJson.parseBoxes(rs.getString("boxes")), rs.getString("snapshot_key"));
    }
}
