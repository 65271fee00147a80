package id.pantau.recorder.health.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** State transitions in the index database (table {@code health_transition}, V5). Appended in time order. */
public class HealthHistory {
    private static final String COLUMNS = "subject_kind, subject_id, at_wall_ms, state, previous_state, reason";

    private final JdbcTemplate jdbc;

    public HealthHistory(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void append(Transition t) {
        jdbc.update("insert into health_transition (" + COLUMNS + ") values (?,?,?,?,?,?)", t.kind().name(),
                t.subjectId(), t.atWallMs(), t.state(), t.previousState(), truncate(t.reason()));
    }

    /** Transitions of one subject at or after {@code fromMs} and before {@code toMs}, oldest first. */
    public List<Transition> transitions(SubjectKind kind, String id, long fromMs, long toMs) {
        return jdbc.query("select " + COLUMNS + " from health_transition where subject_kind = ? and subject_id = ?"
                + " and at_wall_ms >= ? and at_wall_ms < ? order by at_wall_ms, id", HealthHistory::map, kind.name(),
                id, fromMs, toMs);
    }

    /** The last transition of one subject before {@code atMs}: its state at that moment. */
    public Optional<Transition> lastBefore(SubjectKind kind, String id, long atMs) {
        return jdbc.query("select " + COLUMNS + " from health_transition where subject_kind = ? and subject_id = ?"
                + " and at_wall_ms < ? order by at_wall_ms desc, id desc fetch first 1 rows only", HealthHistory::map,
                kind.name(), id, atMs).stream().findFirst();
    }

    /** Transitions of every subject of a kind in the window, per subject id, oldest first. */
    public Map<String, List<Transition>> transitions(SubjectKind kind, long fromMs, long toMs) {
        Map<String, List<Transition>> m = new LinkedHashMap<>();
        jdbc.query("select " + COLUMNS + " from health_transition where subject_kind = ? and at_wall_ms >= ?"
                + " and at_wall_ms < ? order by subject_id, at_wall_ms, id", (ResultSet rs) -> {
                    Transition t = map(rs, 0);
                    m.computeIfAbsent(t.subjectId(), k -> new ArrayList<>()).add(t);
                }, kind.name(), fromMs, toMs);
        return m;
    }

    /** Every subject's last transition before {@code atMs}, by subject id. */
    public Map<String, Transition> lastBefore(SubjectKind kind, long atMs) {
        Map<String, Transition> m = new HashMap<>();
        jdbc.query("select " + COLUMNS + " from health_transition t where subject_kind = ? and id = (select max(u.id)"
                + " from health_transition u where u.subject_kind = t.subject_kind and u.subject_id = t.subject_id"
                + " and u.at_wall_ms < ?)", (ResultSet rs) -> {
                    Transition t = map(rs, 0);
                    m.put(t.subjectId(), t);
                }, kind.name(), atMs);
        return m;
    }

    private static Transition map(ResultSet rs, int row) throws SQLException {
        return new Transition(SubjectKind.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getString(5), rs.getString(6));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }
}
