package id.pantau.web.motion;

import id.pantau.web.security.CameraAccess;
import id.pantau.web.security.Capability;
import org.springframework.security.core.Authentication;

/** Who may see a camera's motion events: whoever watches it live (alarms) or plays it back (history). */
final class EventAccess {

  private EventAccess() {
  }

  /** Throws the camera-not-found 404 unless the user may see the camera's events; call before anything else. */
  static void require(CameraAccess access, Authentication auth, String cameraId) {
    if (!access.permits(auth, cameraId, Capability.LIVE)) {
      access.require(auth, cameraId, Capability.PLAYBACK);
    }
  }
}
