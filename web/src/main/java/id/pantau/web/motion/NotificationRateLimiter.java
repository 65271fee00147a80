package id.pantau.web.motion;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * At most one notification per camera per interval; the ones held back are counted and reported with the next one
 * that goes out, so a busy camera cannot flood operators while nothing is lost silently.
 */
final class NotificationRateLimiter {

  /** Whether to send now, and how many were held back since the last one sent. */
  record Decision(boolean send, int suppressedBefore) {}

  private record CameraState(long lastSentMs, int suppressed) {}

  private final long intervalMs;
  private final LongSupplier nowMs;
  private final Map<String, CameraState> cameras = new HashMap<>();

  NotificationRateLimiter(long intervalMs, LongSupplier nowMs) {
    this.intervalMs = intervalMs;
    this.nowMs = nowMs;
  }

  synchronized Decision offer(String cameraId) {
    long now = nowMs.getAsLong();
    CameraState s = cameras.get(cameraId);
    if (s == null || now - s.lastSentMs() >= intervalMs) {
      cameras.put(cameraId, new CameraState(now, 0));
      return new Decision(true, s == null ? 0 : s.suppressed());
    }
    cameras.put(cameraId, new CameraState(s.lastSentMs(), s.suppressed() + 1));
    return new Decision(false, s.suppressed() + 1);
  }
}
