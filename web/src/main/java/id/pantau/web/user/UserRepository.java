package id.pantau.web.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Users, their roles and grants in the index database. */
public class UserRepository {
  private static final String COLUMNS = "id, username, display_name, password_hash, enabled, all_cameras,"
      + " session_epoch, created_wall_ms, updated_wall_ms";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  public UserRepository(DataSource dataSource, TransactionTemplate tx, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.tx = tx;
    this.clock = clock;
  }

  public long count() {
    Long n = jdbc.queryForObject("select count(*) from app_user", Long.class);
    return n == null ? 0 : n;
  }

  public Optional<User> findById(long id) {
    return withRoles(jdbc.query("select " + COLUMNS + " from app_user where id = ?", this::map, id))
        .stream().findFirst();
  }

  public Optional<User> findByUsername(String username) {
    return withRoles(jdbc.query("select " + COLUMNS + " from app_user where username = ?", this::map, username))
        .stream().findFirst();
  }

  public List<User> findAll() {
    return withRoles(jdbc.query("select " + COLUMNS + " from app_user order by username", this::map));
  }

  /** Inserts a user with roles; the username must be free. */
  public long create(String username, String displayName, String passwordHash, Set<Role> roles,
      boolean allCameras) {
    return tx.execute(status -> {
      long now = clock.millis();
      KeyHolder key = new GeneratedKeyHolder();
      jdbc.update(con -> {
        var ps = con.prepareStatement("insert into app_user (username, display_name, password_hash, enabled,"
            + " all_cameras, session_epoch, created_wall_ms, updated_wall_ms) values (?,?,?,true,?,0,?,?)",
            new String[] {"id"});
        ps.setString(1, username);
        ps.setString(2, displayName);
        ps.setString(3, passwordHash);
        ps.setBoolean(4, allCameras);
        ps.setLong(5, now);
        ps.setLong(6, now);
        return ps;
      }, key);
      long id = key.getKey().longValue();
      writeRoles(id, roles);
      return id;
    });
  }

  /** Replaces name, roles and flags; disabling raises the session epoch so open sessions end. */
  public void update(long id, String displayName, Set<Role> roles, boolean enabled, boolean allCameras) {
    tx.executeWithoutResult(status -> {
      jdbc.update("update app_user set display_name = ?, all_cameras = ?, updated_wall_ms = ?,"
              + " session_epoch = session_epoch + case when enabled and not ? then 1 else 0 end, enabled = ?"
              + " where id = ?",
          displayName, allCameras, clock.millis(), enabled, enabled, id);
      jdbc.update("delete from user_role where user_id = ?", id);
      writeRoles(id, roles);
    });
  }

  /** Stores a new password hash and ends the user's other sessions. */
  public void setPasswordHash(long id, String passwordHash) {
    jdbc.update("update app_user set password_hash = ?, session_epoch = session_epoch + 1, updated_wall_ms = ?"
        + " where id = ?", passwordHash, clock.millis(), id);
  }

  public Set<Grant> grants(long userId) {
    return new LinkedHashSet<>(jdbc.query(
        "select scope, target_id from access_grant where user_id = ? order by scope, target_id",
        (rs, i) -> new Grant(GrantScope.valueOf(rs.getString(1)), rs.getString(2)), userId));
  }

  public void replaceGrants(long userId, Set<Grant> grants) {
    tx.executeWithoutResult(status -> {
      jdbc.update("delete from access_grant where user_id = ?", userId);
      for (Grant g : grants) {
        jdbc.update("insert into access_grant (user_id, scope, target_id) values (?,?,?)", userId,
            g.scope().name(), g.targetId());
      }
    });
  }

  private void writeRoles(long id, Set<Role> roles) {
    for (Role r : roles) {
      jdbc.update("insert into user_role (user_id, role) values (?, ?)", id, r.name());
    }
  }

  private List<User> withRoles(List<User> users) {
    if (users.isEmpty()) {
      return users;
    }
    Map<Long, Set<Role>> roles = new HashMap<>();
    RowCallbackHandler collect = rs -> roles
        .computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
    if (users.size() == 1) {
      jdbc.query("select user_id, role from user_role where user_id = ?", collect, users.get(0).id());
    } else {
      jdbc.query("select user_id, role from user_role", collect);
    }
    List<User> out = new ArrayList<>(users.size());
    for (User u : users) {
      out.add(new User(u.id(), u.username(), u.displayName(), u.passwordHash(), u.enabled(), u.allCameras(),
          u.sessionEpoch(), roles.getOrDefault(u.id(), Set.of()), u.createdWallMs(), u.updatedWallMs()));
    }
    return out;
  }

  private User map(ResultSet rs, int row) throws SQLException {
    return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
        rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("all_cameras"),
        rs.getInt("session_epoch"), Set.of(), rs.getLong("created_wall_ms"), rs.getLong("updated_wall_ms"));
  }
}
