package id.pantau.storage.motion;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps {@code segment.has_motion} in step with motion events, whichever row arrives first: an event marks the
 * segments already indexed when it starts and ends, and a segment indexed later is marked as it is inserted.
 * Each side writes its own row before it looks for the other, so one of the two always sees both.
 */
public final class MotionMarks {
    /** An event overlaps segment {@code s} with its pre- and post-roll; an ongoing one runs up to now. */
    private static final String OVERLAPS = "e.camera_id = s.camera_id"
            + " and e.start_wall_ms - e.pre_roll_ms < s.end_wall_ms"
            + " and coalesce(e.end_wall_ms + e.post_roll_ms, s.end_wall_ms) > s.start_wall_ms";

    private final JdbcTemplate jdbc;

    public MotionMarks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the segment just indexed under {@code objectKey} if an event overlaps it; returns whether it did. */
    public boolean markSegment(String objectKey) {
        return jdbc.update("update segment s set has_motion = true where s.object_key = ? and s.has_motion = false"
                + " and exists (select 1 from motion_event e where " + OVERLAPS + ")", objectKey) > 0;
    }

    /** Marks the indexed segments that event {@code eventId} overlaps; returns how many changed. */
    public int markEvent(long eventId) {
        List<Clip> clips = jdbc.query("select camera_id, start_wall_ms - pre_roll_ms, end_wall_ms + post_roll_ms"
                + " from motion_event where id = ?", (rs, row) -> {
                    long clipEnd = rs.getLong(3);
                    // an ongoing event covers everything indexed after its start
                    return new Clip(rs.getString(1), rs.getLong(2), rs.wasNull() ? Long.MAX_VALUE : clipEnd);
                }, eventId);
        int marked = 0;
        for (Clip c : clips) {
            marked += jdbc.update("update segment set has_motion = true where camera_id = ?"
                    + " and start_wall_ms < ? and end_wall_ms > ? and has_motion = false", c.cameraId(), c.toMs(),
                    c.fromMs());
        }
        return marked;
    }

    private record Clip(String cameraId, long fromMs, long toMs) {
    }
}
