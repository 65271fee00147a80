package id.pantau.storage.camera;

import java.util.Objects;

/**
 * One camera as configured. The password is held in memory only; at rest it is encrypted and it never
 * leaves the server (see {@link #toString()}).
 */
public record Camera(
    String id,
    String name,
    String siteId,
    String linkId,
    String mainUrl,
    String subUrl,
    String username,
    String password,
    Transport transport,
    boolean enabled,
    int retentionDays,
    String recorderNode) {

  public static final int DEFAULT_RETENTION_DAYS = 30;
  public static final String LOCAL_NODE = "local";

  public Camera {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(mainUrl, "mainUrl");
    name = name == null || name.isBlank() ? id : name;
    transport = transport == null ? Transport.TCP : transport;
    recorderNode = recorderNode == null || recorderNode.isBlank() ? LOCAL_NODE : recorderNode;
    retentionDays = retentionDays <= 0 ? DEFAULT_RETENTION_DAYS : retentionDays;
  }

  public boolean hasSubStream() {
    return subUrl != null && !subUrl.isBlank();
  }

  public boolean hasPassword() {
    return password != null && !password.isEmpty();
  }

  /** The same camera with another password (null keeps none). */
  public Camera withPassword(String newPassword) {
    return new Camera(id, name, siteId, linkId, mainUrl, subUrl, username, newPassword, transport, enabled,
        retentionDays, recorderNode);
  }

  /** The same camera, enabled or not. */
  public Camera withEnabled(boolean on) {
    return new Camera(id, name, siteId, linkId, mainUrl, subUrl, username, password, transport, on, retentionDays,
        recorderNode);
  }

  /** Never prints the password, so a camera logged by accident leaks nothing. */
  @Override
  public String toString() {
    return "Camera[id=" + id + ", name=" + name + ", site=" + siteId + ", link=" + linkId + ", main=" + mainUrl
        + ", sub=" + subUrl + ", user=" + username + ", password=" + (hasPassword() ? "***" : "none")
        + ", transport=" + transport + ", enabled=" + enabled + ", retentionDays=" + retentionDays
        + ", node=" + recorderNode + "]";
  }
}
