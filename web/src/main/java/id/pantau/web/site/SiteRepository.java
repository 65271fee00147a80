package id.pantau.web.site;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sites and links in the index database (tables from V1). */
public class SiteRepository {
  private final JdbcTemplate jdbc;

  public SiteRepository(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public List<Site> sites() {
    return jdbc.query("select * from site order by name, id", this::mapSite);
  }

  public Optional<Site> site(String id) {
    return jdbc.query("select * from site where id = ?", this::mapSite, id).stream().findFirst();
  }

  /** Inserts, or updates a site of that id (cameras may have created a placeholder row). */
  public void save(Site s) {
    int n = jdbc.update("update site set name=?, kind=?, district=?, latitude=?, longitude=?, time_zone=? where id=?",
        s.name(), s.kind(), s.district(), s.latitude(), s.longitude(), s.timeZone().getId(), s.id());
    if (n == 0) {
      jdbc.update("insert into site (id, name, kind, district, latitude, longitude, time_zone) values (?,?,?,?,?,?,?)",
          s.id(), s.name(), s.kind(), s.district(), s.latitude(), s.longitude(), s.timeZone().getId());
    }
  }

  public boolean siteExists(String id) {
    Integer n = jdbc.queryForObject("select count(*) from site where id = ?", Integer.class, id);
    return n != null && n > 0;
  }

  public List<Link> links() {
    return jdbc.query("select * from link order by name, id", this::mapLink);
  }

  public boolean linkExists(String id) {
    Integer n = jdbc.queryForObject("select count(*) from link where id = ?", Integer.class, id);
    return n != null && n > 0;
  }

  public void save(Link l) {
    int n = jdbc.update("update link set name=?, kind=?, vendor=?, capacity_mbps=?, probe_target=? where id=?",
        l.name(), l.kind(), l.vendor(), l.capacityMbps(), l.probeTarget(), l.id());
    if (n == 0) {
      jdbc.update("insert into link (id, name, kind, vendor, capacity_mbps, probe_target) values (?,?,?,?,?,?)",
          l.id(), l.name(), l.kind(), l.vendor(), l.capacityMbps(), l.probeTarget());
    }
  }

  /** Cameras naming the site or link in {@code column} ({@code site_id} or {@code link_id}). */
  int camerasAt(String column, String id) {
    if (!column.equals("site_id") && !column.equals("link_id")) {
      throw new IllegalArgumentException(column);
    }
    Integer n = jdbc.queryForObject("select count(*) from camera where " + column + " = ?", Integer.class, id);
    return n == null ? 0 : n;
  }

  public Optional<Link> link(String id) {
    return jdbc.query("select * from link where id = ?", this::mapLink, id).stream().findFirst();
  }

  public boolean deleteSite(String id) {
    return jdbc.update("delete from site where id = ?", id) > 0;
  }

  public boolean deleteLink(String id) {
    return jdbc.update("delete from link where id = ?", id) > 0;
  }

  /** Number of cameras per site id. */
  public Map<String, Integer> cameraCounts() {
    Map<String, Integer> m = new HashMap<>();
    jdbc.query("select site_id, count(*) from camera where site_id is not null group by site_id",
        rs -> {
          m.put(rs.getString(1), rs.getInt(2));
        });
    return m;
  }

  private Site mapSite(ResultSet rs, int row) throws SQLException {
    double lat = rs.getDouble("latitude");
    Double latitude = rs.wasNull() ? null : lat;
    double lon = rs.getDouble("longitude");
    Double longitude = rs.wasNull() ? null : lon;
    return new Site(rs.getString("id"), rs.getString("name"), rs.getString("kind"), rs.getString("district"),
        latitude, longitude, ZoneId.of(rs.getString("time_zone")));
  }

  private Link mapLink(ResultSet rs, int row) throws SQLException {
    int cap = rs.getInt("capacity_mbps");
    Integer capacity = rs.wasNull() ? null : cap;
    return new Link(rs.getString("id"), rs.getString("name"), rs.getString("kind"), rs.getString("vendor"),
        capacity, rs.getString("probe_target"));
  }
}
