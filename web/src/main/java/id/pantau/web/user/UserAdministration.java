package id.pantau.web.user;

import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditContext;
import id.pantau.web.audit.AuditTrail;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Creates and changes users: validates, hashes passwords, and audits every change. */
public class UserAdministration {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final PasswordPolicy policy;
  private final AuditTrail audit;

  public UserAdministration(UserRepository users, PasswordEncoder encoder, PasswordPolicy policy, AuditTrail audit) {
    this.users = users;
    this.encoder = encoder;
    this.policy = policy;
    this.audit = audit;
  }

  public PasswordPolicy policy() {
    return policy;
  }

  /** Usernames are compared lower-case and limited to a safe alphabet. */
  public static String normalizeUsername(String username) {
    String u = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(u).matches()) {
      throw new InvalidUserException("username", "user.username.invalid",
          "1-64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
    }
    return u;
  }

  public User create(NewUser n, AuditContext by) {
    String username = normalizeUsername(n.username());
    policy.check(username, n.password());
    if (users.findByUsername(username).isPresent()) {
      throw new InvalidUserException("username", "user.username.taken", "this username is taken");
    }
    String display = displayName(n.displayName(), username);
    Set<Role> roles = n.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(n.roles());
    long id = users.create(username, display, encoder.encode(n.password()), roles, n.allCameras());
    users.replaceGrants(id, n.grants());
    audit.record(by.event(AuditAction.USER_CREATED)
        .details("user=" + username + " roles=" + names(roles) + " allCameras=" + n.allCameras()
            + " grants=" + grants(n.grants()))
        .build());
    return users.findById(id).orElseThrow();
  }

  public User update(long id, String displayName, Set<Role> roles, boolean enabled, boolean allCameras,
      Set<Grant> grants, AuditContext by) {
    User before = users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
    boolean staysAdmin = enabled && roles.contains(Role.ADMIN);
    if (before.enabled() && before.has(Role.ADMIN) && !staysAdmin && otherActiveAdmins(id) == 0) {
      throw new InvalidUserException("roles", "user.lastAdmin", "the last active administrator cannot be"
          + " disabled or lose the ADMIN role");
    }
    users.update(id, displayName(displayName, before.username()), roles, enabled, allCameras);
    audit.record(by.event(AuditAction.USER_UPDATED)
        .details("user=" + before.username() + " roles=" + names(before.roles()) + "->" + names(roles)
            + " enabled=" + before.enabled() + "->" + enabled + " allCameras=" + before.allCameras() + "->"
            + allCameras)
        .build());
    Set<Grant> old = users.grants(id);
    if (!old.equals(grants)) {
      users.replaceGrants(id, grants);
      audit.record(by.event(AuditAction.USER_GRANTS_CHANGED)
          .details("user=" + before.username() + " grants=" + grants(old) + "->" + grants(grants)).build());
    }
    return users.findById(id).orElseThrow();
  }

  /** Sets a new password; the user's open sessions end. */
  public void changePassword(long id, String password, AuditContext by) {
    User u = users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
    policy.check(u.username(), password);
    users.setPasswordHash(id, encoder.encode(password));
    audit.record(by.event(AuditAction.USER_PASSWORD_CHANGED).details("user=" + u.username()).build());
  }

  private long otherActiveAdmins(long id) {
    return users.findAll().stream().filter(u -> u.id() != id && u.enabled() && u.has(Role.ADMIN)).count();
  }

  private static String displayName(String displayName, String username) {
    String d = displayName == null || displayName.isBlank() ? username : displayName.trim();
    if (d.length() > 200) {
      throw new InvalidUserException("displayName", "user.displayName.tooLong", "at most 200 characters");
    }
    return d;
  }

  private static String names(Set<Role> roles) {
    return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "[", "]"));
  }

  private static String grants(Set<Grant> grants) {
    return grants.stream().map(g -> g.scope().name().toLowerCase(Locale.ROOT) + ":" + g.targetId()).sorted()
        .collect(Collectors.joining(",", "[", "]"));
  }
}
