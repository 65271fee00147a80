package id.pantau.recorder.motion;

import id.pantau.storage.motion.Box;
import java.util.List;

/** Hears about motion events as an analyser finds them; called on the analyser's thread, so it must be quick. */
public interface MotionListener {

    /**
     * Motion that lasted long enough began at {@code startWallMs}.
     *
     * @param eventKey     unique within this process; {@link #ended} names the same key
     * @param snapshotJpeg the frame that confirmed the motion, or null if none could be made
     */
    record Started(String cameraId, long eventKey, long startWallMs, int preRollMs, int postRollMs, double score,
                   List<Box> boxes, byte[] snapshotJpeg) {
    }

    /** The event's motion ended at {@code endWallMs}. */
    record Ended(String cameraId, long eventKey, long startWallMs, long endWallMs, double peakScore) {
    }

    void started(Started event);

    void ended(Ended event);
}
