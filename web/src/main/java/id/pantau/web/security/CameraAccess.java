package id.pantau.web.security;

import id.pantau.storage.camera.CameraValidator;
import id.pantau.storage.camera.InvalidCameraException;
import id.pantau.web.user.User;
import id.pantau.web.user.UserRepository;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Per-camera permission checks for every camera-scoped endpoint. Answers come from the database on each call,
 * so a revoked grant or role takes effect immediately.
 */
public class CameraAccess {
  private final UserRepository users;
  private final JdbcTemplate jdbc;

  public CameraAccess(UserRepository users, DataSource dataSource) {
    this.users = users;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /**
   * Returns normally if the user may use the camera for {@code capability}; otherwise throws
   * {@link CameraNotFoundException} (404), the same as for a camera that does not exist or a malformed id.
   */
  public void require(Authentication auth, String cameraId, Capability capability) {
    if (!permits(auth, cameraId, capability)) {
      throw new CameraNotFoundException();
    }
  }

  public boolean permits(Authentication auth, String cameraId, Capability capability) {
    try {
      CameraValidator.requireId(cameraId);
    } catch (InvalidCameraException e) {
      return false;
    }
    Optional<User> user = user(auth);
    if (user.isEmpty() || !Capability.of(user.get().roles()).contains(capability)) {
      return false;
    }
    Integer n = user.get().seesAllCameras()
        ? jdbc.queryForObject("select count(*) from camera where id = ?", Integer.class, cameraId)
        : jdbc.queryForObject("select count(*) from camera c where c.id = ? and (exists (select 1 from access_grant g"
            + " where g.user_id = ? and g.scope = 'CAMERA' and g.target_id = c.id) or exists (select 1 from"
            + " access_grant g where g.user_id = ? and g.scope = 'SITE' and g.target_id = c.site_id))",
            Integer.class, cameraId, user.get().id(), user.get().id());
    return n != null && n > 0;
  }

  /** Ids of the cameras the user may use for {@code capability}, in id order. */
  public Set<String> visibleCameras(Authentication auth, Capability capability) {
    Optional<User> user = user(auth);
    if (user.isEmpty() || !Capability.of(user.get().roles()).contains(capability)) {
      return Set.of();
    }
    return cameras(user.get());
  }

  /** Ids of the cameras the user may use for anything at all (what a camera list shows). */
  public Set<String> visibleCameras(Authentication auth) {
    Optional<User> user = user(auth);
    if (user.isEmpty() || Capability.of(user.get().roles()).isEmpty()) {
      return Set.of();
    }
    return cameras(user.get());
  }

  /** True when the user may use every camera, present and future, for {@code capability}. */
  public boolean allAccess(Authentication auth, Capability capability) {
    return user(auth).filter(u -> u.seesAllCameras() && Capability.of(u.roles()).contains(capability)).isPresent();
  }

  /** What the user may do on the cameras they see. */
  public Set<Capability> capabilities(Authentication auth) {
    return user(auth).map(u -> Capability.of(u.roles())).orElse(EnumSet.noneOf(Capability.class));
  }

  private Set<String> cameras(User u) {
    List<String> ids = u.seesAllCameras()
        ? jdbc.queryForList("select id from camera order by id", String.class)
        : jdbc.queryForList("select c.id from camera c where exists (select 1 from access_grant g where"
            + " g.user_id = ? and g.scope = 'CAMERA' and g.target_id = c.id) or exists (select 1 from access_grant g"
            + " where g.user_id = ? and g.scope = 'SITE' and g.target_id = c.site_id) order by c.id", String.class,
            u.id(), u.id());
    return new LinkedHashSet<>(ids);
  }

  private Optional<User> user(Authentication auth) {
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    Optional<User> u = auth.getPrincipal() instanceof SignedInUser s
        ? users.findById(s.id())
        : users.findByUsername(auth.getName());
    return u.filter(User::enabled);
  }
}
