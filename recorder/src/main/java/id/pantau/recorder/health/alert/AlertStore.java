package id.pantau.recorder.health.alert;

import id.pantau.recorder.health.history.SubjectKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Alerts as sent, with how each delivery went (table {@code health_alert}, V5). */
public class AlertStore {
    private static final String COLUMNS = "id, root_key, kind, subject_kind, subject_id, state, previous_state,"
            + " at_wall_ms, message, cameras, suppressed, webhook_status, mqtt_status";

    private final JdbcTemplate jdbc;

    public AlertStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Stores the alert and returns it with its id. */
    public Alert insert(Alert a) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into health_alert (root_key, kind, subject_kind,"
                    + " subject_id, state, previous_state, at_wall_ms, message, cameras, suppressed)"
                    + " values (?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, a.rootKey());
            ps.setString(2, a.kind().name());
            ps.setString(3, a.subjectKind().name());
            ps.setString(4, a.subjectId());
            ps.setString(5, a.state());
            ps.setString(6, a.previousState());
            ps.setLong(7, a.atWallMs());
            ps.setString(8, cut(a.message(), 1000));
            ps.setString(9, cut(String.join(",", a.cameras()), 4000));
            ps.setInt(10, a.suppressed());
            return ps;
        }, keys);
        Number id = (Number) keys.getKeys().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("id")).findFirst().orElseThrow().getValue();
        return a.withId(id.longValue());
    }

    public void deliveryStatus(long id, String sink, String status) {
        String column = sink.equals("webhook") ? "webhook_status" : "mqtt_status";
        jdbc.update("update health_alert set " + column + " = ? where id = ?", cut(status, 200), id);
    }

    /** The newest alerts, newest first. */
    public List<Alert> recent(int limit) {
        return jdbc.query("select " + COLUMNS + " from health_alert order by id desc fetch first ? rows only",
                AlertStore::map, limit);
    }

    /** Alerts in a wall-time window, oldest first. */
    public List<Alert> between(long fromMs, long toMs) {
        return jdbc.query("select " + COLUMNS + " from health_alert where at_wall_ms >= ? and at_wall_ms < ?"
                + " order by id", AlertStore::map, fromMs, toMs);
    }

    private static Alert map(ResultSet rs, int row) throws SQLException {
        String cameras = rs.getString("cameras");
        return new Alert(rs.getLong("id"), rs.getString("root_key"), AlertKind.valueOf(rs.getString("kind")),
                SubjectKind.valueOf(rs.getString("subject_kind")), rs.getString("subject_id"), rs.getString("state"),
                rs.getString("previous_state"), rs.getLong("at_wall_ms"), rs.getString("message"),
                cameras == null || cameras.isEmpty() ? List.of() : Arrays.asList(cameras.split(",")),
                rs.getInt("suppressed"), rs.getString("webhook_status"), rs.getString("mqtt_status"));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
