package id.pantau.web.security;

import id.pantau.web.user.Role;
import java.util.EnumSet;
import java.util.Set;

/** What a user may do with a camera. Roles grant capabilities; grants say on which cameras. */
public enum Capability {
  /** Watch live video (OPERATOR, INVESTIGATOR, SUPERVISOR). */
  LIVE,
  /** Play back recordings (INVESTIGATOR, SUPERVISOR). */
  PLAYBACK,
  /** Request exports (INVESTIGATOR, SUPERVISOR). */
  EXPORT,
  /** Approve exports and place evidence holds (SUPERVISOR). */
  APPROVE,
  /** Health and statistics (TECHNICIAN, ADMIN). */
  STATS,
  /** Change camera settings; only ADMIN changes credentials (TECHNICIAN, ADMIN). */
  CONFIGURE;

  /** The capabilities the given roles confer. */
  public static Set<Capability> of(Set<Role> roles) {
    Set<Capability> c = EnumSet.noneOf(Capability.class);
    for (Role r : roles) {
      switch (r) {
        case OPERATOR -> c.add(LIVE);
        case INVESTIGATOR -> c.addAll(EnumSet.of(LIVE, PLAYBACK, EXPORT));
        case SUPERVISOR -> c.addAll(EnumSet.of(LIVE, PLAYBACK, EXPORT, APPROVE));
        case TECHNICIAN, ADMIN -> c.addAll(EnumSet.of(STATS, CONFIGURE));
      }
    }
    return c;
  }
}
