package id.pantau.web.user;

import java.util.Set;

/**
 * A person who signs in. {@code sessionEpoch} rises when the password changes or the user is disabled, which
 * ends sessions opened before.
 */
public record User(
    long id,
    String username,
    String displayName,
    String passwordHash,
    boolean enabled,
    boolean allCameras,
    int sessionEpoch,
    Set<Role> roles,
    long createdWallMs,
    long updatedWallMs) {

  public User {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Admins and users flagged "all cameras" are not limited by grants. */
  public boolean seesAllCameras() {
    return allCameras || has(Role.ADMIN);
  }

  @Override
  public String toString() {
    return "User[id=" + id + ", username=" + username + ", roles=" + roles + ", enabled=" + enabled + "]";
  }
}
