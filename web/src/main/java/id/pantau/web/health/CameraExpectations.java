package id.pantau.web.health;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** What each camera should deliver (table {@code health_camera_expectation}, V5); absent: the defaults. */
public class CameraExpectations {
  /** Expected frame rate and minimum bitrate; null fields take the configured defaults. */
  public record Expectation(Double expectedFps, Integer minBitrateKbps) {}

  private final JdbcTemplate jdbc;

  public CameraExpectations(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public Map<String, Expectation> all() {
    Map<String, Expectation> m = new HashMap<>();
    jdbc.query("select camera_id, expected_fps, min_bitrate_kbps from health_camera_expectation", rs -> {
      double fps = rs.getDouble(2);
      Double f = rs.wasNull() ? null : fps;
      int kbps = rs.getInt(3);
      m.put(rs.getString(1), new Expectation(f, rs.wasNull() ? null : kbps));
    });
    return m;
  }

  public Expectation of(String cameraId) {
    return all().getOrDefault(cameraId, new Expectation(null, null));
  }

  /** Sets or, with both fields null, removes the camera's expectation. */
  public void set(String cameraId, Expectation e) {
    jdbc.update("delete from health_camera_expectation where camera_id = ?", cameraId);
    if (e.expectedFps() != null || e.minBitrateKbps() != null) {
      jdbc.update("insert into health_camera_expectation (camera_id, expected_fps, min_bitrate_kbps) values (?,?,?)",
          cameraId, e.expectedFps(), e.minBitrateKbps());
    }
  }
}
