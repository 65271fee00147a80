package id.pantau.web.user;

/** What a user does; a user may hold several roles. Their scope is the user's camera and site grants. */
public enum Role {
  /** Watches live video. */
  OPERATOR,
  /** Plays back recordings and requests exports. */
  INVESTIGATOR,
  /** Approves exports and places evidence holds. */
  SUPERVISOR,
  /** Health, statistics and camera settings (never passwords). */
  TECHNICIAN,
  /** Users, cameras, sites and links; sees every camera. */
  ADMIN;

  /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
  public String authority() {
    return "ROLE_" + name();
  }
}
