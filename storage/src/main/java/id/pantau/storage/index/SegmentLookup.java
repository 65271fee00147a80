package id.pantau.storage.index;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Index look-ups for playback. Each query is a short range scan of the (camera, stream, start) index, so a
 * seek costs the same on a day of recordings as on thirty days of a hundred cameras.
 */
public class SegmentLookup {
    private static final String FROM_STREAM = " from segment where camera_id = ? and stream = ?";

    private final JdbcTemplate jdbc;

    public SegmentLookup(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The segment with this id, only if it belongs to the camera. */
    public Optional<SegmentRow> byId(String cameraId, long segmentId) {
        return first(jdbc.query("select " + SegmentIndex.SEGMENT_COLUMNS
                + " from segment where id = ? and camera_id = ?", SegmentIndex::mapSegment, segmentId, cameraId));
    }

    /** The last segment that starts at or before {@code atMs}; it contains {@code atMs} only if it ends after it. */
    public Optional<SegmentRow> startingAtOrBefore(String cameraId, String stream, long atMs) {
        // two steps: the descending scan reads the index alone, then one row is fetched by its start
        return lastStartAtOrBefore(cameraId, stream, atMs).flatMap(start -> first(jdbc.query("select "
                + SegmentIndex.SEGMENT_COLUMNS + FROM_STREAM + " and start_wall_ms = ? order by id desc"
                + " fetch first 1 rows only", SegmentIndex::mapSegment, cameraId, stream, start)));
    }

    private Optional<Long> lastStartAtOrBefore(String cameraId, String stream, long atMs) {
        return first(jdbc.queryForList("select start_wall_ms" + FROM_STREAM
                + " and start_wall_ms <= ? order by start_wall_ms desc fetch first 1 rows only", Long.class,
                cameraId, stream, atMs));
    }

    /** The first segment that starts after {@code atMs}: where playback resumes after a gap. */
    public Optional<SegmentRow> startingAfter(String cameraId, String stream, long atMs) {
        return first(jdbc.query("select " + SegmentIndex.SEGMENT_COLUMNS + FROM_STREAM
                + " and start_wall_ms > ? order by start_wall_ms fetch first 1 rows only", SegmentIndex::mapSegment,
                cameraId, stream, atMs));
    }

    /**
     * Segments overlapping [fromMs, toMs), in time order. The scan starts at the segment holding {@code fromMs}
     * instead of filtering on the end time, which no index can bound.
     */
    public List<SegmentRow> overlapping(String cameraId, String stream, long fromMs, long toMs) {
        long scanFrom = lastStartAtOrBefore(cameraId, stream, fromMs).orElse(fromMs);
        return jdbc.query("select " + SegmentIndex.SEGMENT_COLUMNS + FROM_STREAM
                + " and start_wall_ms >= ? and start_wall_ms < ? and end_wall_ms > ? order by start_wall_ms",
                SegmentIndex::mapSegment, cameraId, stream, scanFrom, toMs, fromMs);
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.stream().findFirst();
    }
}
