package id.pantau.web.motion;

import id.pantau.storage.motion.Box;
import id.pantau.storage.motion.MotionEvent;
import java.time.Instant;
import java.util.List;

/**
 * A motion event as the API shows it. {@code start}/{@code end} bound the motion ({@code end} null while it goes
 * on); {@code clipStart}/{@code clipEnd} add the pre- and post-roll, the stretch worth playing back.
 */
record EventView(long id, String cameraId, String start, String end, String clipStart, String clipEnd,
    double peakScore, List<Box> boxes, String snapshot) {

  static EventView of(MotionEvent e) {
    return new EventView(e.id(), e.cameraId(), iso(e.startWallMs()), iso(e.endWallMs()), iso(e.clipStartWallMs()),
        iso(e.clipEndWallMs()), e.peakScore(), e.boxes(), snapshotPath(e));
  }

  static String snapshotPath(MotionEvent e) {
    return e.snapshotKey() == null ? null : "/api/cameras/" + e.cameraId() + "/events/" + e.id() + "/snapshot.jpg";
  }

  private static String iso(Long ms) {
    return ms == null ? null : Instant.ofEpochMilli(ms).toString();
  }
}
