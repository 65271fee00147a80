package id.pantau.storage.motion;

import java.util.List;

/**
 * One stretch of motion on a camera. {@code startWallMs}..{@code endWallMs} is the motion itself ({@code endWallMs}
 * null while it goes on); the clip worth watching adds the pre- and post-roll.
 *
 * @param peakScore largest share of the picture (0..1) covered by moving objects in one frame
 * @param boxes     the moving objects of the frame that started the event
 */
public record MotionEvent(long id, String cameraId, long startWallMs, Long endWallMs, int preRollMs,
                          int postRollMs, double peakScore, List<Box> boxes, String snapshotKey) {

    public MotionEvent {
        boxes = List.copyOf(boxes);
    }

    public boolean ongoing() {
        return endWallMs == null;
    }

    public long clipStartWallMs() {
        return startWallMs - preRollMs;
    }

    /** End of the clip, or null while the motion goes on. */
    public Long clipEndWallMs() {
        return endWallMs == null ? null : endWallMs + postRollMs;
    }
}
