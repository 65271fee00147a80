package id.pantau.web.security;

/** An API token's record; the token itself is never stored, only its SHA-256. */
public record ApiToken(long id, long userId, String name, long createdWallMs, Long lastUsedWallMs,
    Long revokedWallMs) {

  public boolean revoked() {
    return revokedWallMs != null;
  }
}
