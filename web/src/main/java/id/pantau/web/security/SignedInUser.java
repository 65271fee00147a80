package id.pantau.web.security;

import id.pantau.web.user.Role;
import id.pantau.web.user.User;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a session or API token: a snapshot of the user, refreshed from the database per request. */
public final class SignedInUser implements UserDetails, CredentialsContainer {
  @Serial private static final long serialVersionUID = 1L;

  private final long id;
  private final String username;
  private final String displayName;
  private final boolean enabled;
  private final int sessionEpoch;
  private final Set<Role> roles;
  private String passwordHash;

  public SignedInUser(User u) {
    this.id = u.id();
    this.username = u.username();
    this.displayName = u.displayName();
    this.enabled = u.enabled();
    this.sessionEpoch = u.sessionEpoch();
    this.roles = u.roles();
    this.passwordHash = u.passwordHash();
  }

  public long id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public int sessionEpoch() {
    return sessionEpoch;
  }

  public Set<Role> roles() {
    return roles;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    List<GrantedAuthority> a = roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
        .toList();
    return a;
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedInUser s && s.id == id;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  @Override
  public String toString() {
    return "SignedInUser[" + username + " " + roles + "]";
  }
}
