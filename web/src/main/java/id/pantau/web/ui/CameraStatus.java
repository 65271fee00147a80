package id.pantau.web.ui;

import id.pantau.storage.camera.Camera;
import id.pantau.storage.index.SegmentIndex;
import java.util.HashMap;
import java.util.Map;

/** A camera's recording state for the list, judged from the newest indexed segment. */
enum CameraStatus {
  RECORDING,
  STALE,
  NO_RECORDINGS,
  DISABLED;

  /** Message key, e.g. {@code camera.status.RECORDING}. */
  public String key() {
    return "camera.status." + name();
  }

  static CameraStatus of(Camera c, Long lastSegmentEndMs, long nowMs, long segmentMs) {
    if (!c.enabled()) {
      return DISABLED;
    }
    if (lastSegmentEndMs == null) {
      return NO_RECORDINGS;
    }
    // a segment is indexed when it closes: allow a little over two segment lengths before calling it stale
    return nowMs - lastSegmentEndMs <= 2 * segmentMs + 30_000 ? RECORDING : STALE;
  }

  /** End of the newest segment per camera id. */
  static Map<String, Long> lastSegmentEnds(SegmentIndex index) {
    Map<String, Long> m = new HashMap<>();
    index.jdbc().query("select camera_id, max(end_wall_ms) from segment group by camera_id", rs -> {
      m.put(rs.getString(1), rs.getLong(2));
    });
    return m;
  }
}
