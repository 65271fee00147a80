package id.pantau.web.user;

import id.pantau.storage.camera.CameraValidator;
import java.util.Objects;

/** Permission to use the user's roles on one camera or on the cameras of one site. */
public record Grant(GrantScope scope, String targetId) {
  public Grant {
    Objects.requireNonNull(scope, "scope");
    CameraValidator.requireId(targetId);
  }

  public static Grant camera(String cameraId) {
    return new Grant(GrantScope.CAMERA, cameraId);
  }

  public static Grant site(String siteId) {
    return new Grant(GrantScope.SITE, siteId);
  }
}
