package id.pantau.storage.camera;

import id.pantau.storage.secret.SecretCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Cameras in the index database; passwords are sealed with {@link SecretCipher} before they are stored. */
public class CameraRepository {
  private static final String COLUMNS = "id, name, site_id, link_id, main_url, sub_url, username, password_enc,"
      + " transport, enabled, retention_days, recorder_node";

  private final JdbcTemplate jdbc;
  private final SecretCipher cipher;
  private final Clock clock;
  private final CameraNetworks networks;

  /** Cameras restricted to private ranges and loopback. */
  public CameraRepository(DataSource dataSource, SecretCipher cipher, Clock clock) {
    this(dataSource, cipher, clock, CameraNetworks.privateAndLoopback());
  }

  public CameraRepository(DataSource dataSource, SecretCipher cipher, Clock clock, CameraNetworks networks) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.cipher = cipher;
    this.clock = clock;
    this.networks = networks;
  }

  /** The ranges camera URLs must point into. */
  public CameraNetworks networks() {
    return networks;
  }

  public List<Camera> findAll() {
    return jdbc.query("select " + COLUMNS + " from camera order by id", this::map);
  }

  public List<Camera> findByNode(String node) {
    return jdbc.query("select " + COLUMNS + " from camera where recorder_node = ? order by id", this::map, node);
  }

  public Optional<Camera> find(String id) {
    return jdbc.query("select " + COLUMNS + " from camera where id = ?", this::map, id).stream().findFirst();
  }

  public boolean exists(String id) {
    Integer n = jdbc.queryForObject("select count(*) from camera where id = ?", Integer.class, id);
    return n != null && n > 0;
  }

  public long count() {
    Long n = jdbc.queryForObject("select count(*) from camera", Long.class);
    return n == null ? 0 : n;
  }

  /** Inserts or replaces a camera after validating it. */
  public Camera save(Camera camera) {
    Camera c = CameraValidator.validate(camera, networks);
    String sealed = c.hasPassword() ? cipher.encrypt(c.password()) : null;
    long now = clock.millis();
    ensureReferenced("site", c.siteId());
    ensureReferenced("link", c.linkId());
    int updated = jdbc.update("update camera set name=?, site_id=?, link_id=?, main_url=?, sub_url=?, username=?,"
            + " password_enc=?, transport=?, enabled=?, retention_days=?, recorder_node=?, updated_wall_ms=? where id=?",
        c.name(), c.siteId(), c.linkId(), c.mainUrl(), c.subUrl(), c.username(), sealed, c.transport().name(),
        c.enabled(), c.retentionDays(), c.recorderNode(), now, c.id());
    if (updated == 0) {
      jdbc.update("insert into camera (" + COLUMNS + ", updated_wall_ms) values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
          c.id(), c.name(), c.siteId(), c.linkId(), c.mainUrl(), c.subUrl(), c.username(), sealed,
          c.transport().name(), c.enabled(), c.retentionDays(), c.recorderNode(), now);
    }
    return c;
  }

  /**
   * Deletes the camera and its runs that no longer hold segments; returns false if there was none. Refuses with
   * {@link CameraInUseException} while segments, queued object deletions or evidence holds refer to it: recordings
   * go through retention first, and evidence records are kept for the chain of custody.
   */
  public boolean delete(String id) {
    requireUnused(id, "select count(*) from segment where camera_id = ?", "recorded segments");
    requireUnused(id, "select count(*) from garbage where camera_id = ?", "segment objects still being deleted");
    requireUnused(id, "select count(*) from evidence_hold where camera_id = ?", "evidence holds on record");
    jdbc.update("delete from recording_run r where r.camera_id = ? and not exists"
        + " (select 1 from segment s where s.run_id = r.id)", id);
    return jdbc.update("delete from camera where id = ?", id) > 0;
  }

  private void requireUnused(String id, String countSql, String what) {
    Long n = jdbc.queryForObject(countSql, Long.class, id);
    if (n != null && n > 0) {
      throw new CameraInUseException("camera " + id + " has " + n + " " + what);
    }
  }

  /** A camera may name a site or link before topology is imported; a placeholder row keeps the reference valid. */
  private void ensureReferenced(String table, String id) {
    if (id == null) {
      return;
    }
    CameraValidator.requireId(id);
    Integer n = jdbc.queryForObject("select count(*) from " + table + " where id = ?", Integer.class, id);
    if (n == null || n == 0) {
      jdbc.update("insert into " + table + " (id, name) values (?, ?)", id, id);
    }
  }

  private Camera map(ResultSet rs, int row) throws SQLException {
    return new Camera(rs.getString("id"), rs.getString("name"), rs.getString("site_id"), rs.getString("link_id"),
        rs.getString("main_url"), rs.getString("sub_url"), rs.getString("username"),
        cipher.decrypt(rs.getString("password_enc")), Transport.valueOf(rs.getString("transport")),
        rs.getBoolean("enabled"), rs.getInt("retention_days"), rs.getString("recorder_node"));
  }
}
