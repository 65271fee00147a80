package id.pantau.web.camera;

import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.Transport;

/**
 * A camera as clients send it. {@code password} is write-only: null keeps the stored one, an empty string
 * removes it; it is never returned.
 */
record CameraRequest(
    String id,
    String name,
    String siteId,
    String linkId,
    String mainUrl,
    String subUrl,
    String username,
    String password,
    Transport transport,
    Boolean enabled,
    Integer retentionDays,
    String recorderNode) {

  Camera toCamera(String pathId, Camera existing) {
    String pw = password == null ? (existing == null ? null : existing.password()) : (password.isEmpty() ? null : password);
    return new Camera(pathId, name, siteId, linkId, mainUrl, subUrl, username, pw, transport,
        enabled == null || enabled, retentionDays == null ? 0 : retentionDays, recorderNode);
  }
}
