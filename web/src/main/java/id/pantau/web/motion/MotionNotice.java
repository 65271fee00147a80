package id.pantau.web.motion;

import id.pantau.storage.motion.MotionEvent;
import java.time.Instant;

/**
 * What a notification says about an event (webhook body and server-sent event data); times ISO-8601 UTC.
 *
 * @param type             motion.started or motion.ended
 * @param suppressedBefore notifications of this camera held back by the rate limit since the previous one sent
 */
public record MotionNotice(String type, String cameraId, long eventId, String start, String end, double peakScore,
    String snapshot, int suppressedBefore) {

  static final String STARTED = "motion.started";
  static final String ENDED = "motion.ended";

  static MotionNotice of(String type, MotionEvent e, int suppressedBefore) {
    return new MotionNotice(type, e.cameraId(), e.id(), Instant.ofEpochMilli(e.startWallMs()).toString(),
        e.endWallMs() == null ? null : Instant.ofEpochMilli(e.endWallMs()).toString(), e.peakScore(),
        EventView.snapshotPath(e), suppressedBefore);
  }
}
