package id.pantau.storage.motion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Per-camera motion settings in the index; a camera without a row has {@link MotionSettings#defaults}. */
public class MotionSettingsRepository {
    private static final String COLUMNS =
            "camera_id, enabled, sensitivity, min_area_percent, zones, keep_motion_extra_days";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public MotionSettingsRepository(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** The camera's settings, or the defaults when none were saved. */
    public MotionSettings get(String cameraId) {
        return find(cameraId).orElseGet(() -> MotionSettings.defaults(cameraId));
    }

    public Optional<MotionSettings> find(String cameraId) {
        return jdbc.query("select " + COLUMNS + " from motion_settings where camera_id = ?", MotionSettingsRepository::map,
                cameraId).stream().findFirst();
    }

    /** Every saved row, by camera id. */
    public Map<String, MotionSettings> all() {
        Map<String, MotionSettings> out = new HashMap<>();
        for (MotionSettings s : jdbc.query("select " + COLUMNS + " from motion_settings", MotionSettingsRepository::map)) {
            out.put(s.cameraId(), s);
        }
        return out;
    }

    /** Days that segments with motion are kept beyond retention, for cameras that keep them longer. */
    public Map<String, Integer> keepMotionExtraDays() {
        Map<String, Integer> out = new HashMap<>();
        jdbc.query("select camera_id, keep_motion_extra_days from motion_settings where keep_motion_extra_days > 0",
                (ResultSet rs) -> {
                    out.put(rs.getString(1), rs.getInt(2));
                });
        return out;
    }

    /** Validates and inserts or replaces the camera's settings. */
    public MotionSettings save(MotionSettings settings) {
        MotionSettings s = settings.validate();
        String zones = MotionJson.zones(s.zones());
        long now = clock.millis();
        int updated = jdbc.update("update motion_settings set enabled = ?, sensitivity = ?, min_area_percent = ?,"
                        + " zones = ?, keep_motion_extra_days = ?, updated_wall_ms = ? where camera_id = ?",
                s.enabled(), s.sensitivity(), s.minAreaPercent(), zones, s.keepMotionExtraDays(), now, s.cameraId());
        if (updated == 0) {
            jdbc.update("insert into motion_settings (" + COLUMNS + ", updated_wall_ms) values (?,?,?,?,?,?,?)",
                    s.cameraId(), s.enabled(), s.sensitivity(), s.minAreaPercent(), zones, s.keepMotionExtraDays(),
                    now);
        }
        return s;
    }

    private static MotionSettings map(ResultSet rs, int row) throws SQLException {
        List<Zone> zones = MotionJson.parseZones(rs.getString("zones"));
        return new MotionSettings(rs.getString("camera_id"), rs.getBoolean("enabled"), rs.getInt("sensitivity"),
                rs.getDouble("min_area_percent"), zones, rs.getInt("keep_motion_extra_days"));
    }
}
