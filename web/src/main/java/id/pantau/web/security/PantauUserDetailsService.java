package id.pantau.web.security;

import id.pantau.web.user.UserRepository;
import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Loads users for form sign-in; names are matched lower-case. */
class PantauUserDetailsService implements UserDetailsService {
  private final UserRepository users;

  PantauUserDetailsService(UserRepository users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    String u = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    return users.findByUsername(u).map(SignedInUser::new)
        .orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }
}
