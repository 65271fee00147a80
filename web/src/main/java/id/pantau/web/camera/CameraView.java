package id.pantau.web.camera;

import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.Transport;

/** A camera as the API shows it: everything but the password, of which only its presence is told. */
record CameraView(
    String id,
    String name,
    String siteId,
    String linkId,
    String mainUrl,
    String subUrl,
    String username,
    boolean hasPassword,
    Transport transport,
    boolean enabled,
    int retentionDays,
    String recorderNode) {

  static CameraView of(Camera c) {
    return new CameraView(c.id(), c.name(), c.siteId(), c.linkId(), c.mainUrl(), c.subUrl(), c.username(),
        c.hasPassword(), c.transport(), c.enabled(), c.retentionDays(), c.recorderNode());
  }
}
