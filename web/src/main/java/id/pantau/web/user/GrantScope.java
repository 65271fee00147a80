package id.pantau.web.user;

/** What a grant names: one camera, or every camera of a site. */
public enum GrantScope {
  CAMERA,
  SITE
}
