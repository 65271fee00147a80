package id.pantau.web.site;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which zone a camera's times are shown in: its site's, or the configured default for cameras without one. */
public class SiteTimes {
  private final JdbcTemplate jdbc;
  private final ZoneId defaultZone;

  public SiteTimes(DataSource dataSource, ZoneId defaultZone) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.defaultZone = defaultZone;
  }

  public ZoneId defaultZone() {
    return defaultZone;
  }

  /** A time in the default zone, for things that belong to no camera (tokens, users). */
  public String formatDefault(Long epochMs) {
    return epochMs == null ? "" : SiteZones.format(epochMs, defaultZone);
  }

  /** Zone per camera id, for every camera (one query for a whole page). */
  public Map<String, ZoneId> cameraZones() {
    Map<String, ZoneId> m = new HashMap<>();
    jdbc.query("select c.id, s.time_zone from camera c left join site s on s.id = c.site_id", rs -> {
      String z = rs.getString(2);
      m.put(rs.getString(1), z == null ? defaultZone : ZoneId.of(z));
    });
    return m;
  }

  /** The time in the camera's zone with its abbreviation, e.g. {@code 2026-03-01 14:05:09 WITA}. */
  public String format(long epochMs, String cameraId, Map<String, ZoneId> zones) {
    ZoneId z = cameraId == null ? defaultZone : zones.getOrDefault(cameraId, defaultZone);
    return SiteZones.format(epochMs, z);
  }
}
