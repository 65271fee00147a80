package id.pantau.recorder.motion;

import id.pantau.storage.motion.Box;
import java.util.List;

/**
 * What the detector made of one frame.
 *
 * @param score        share (0..1) of the counted picture covered by moving objects; 0 without motion
 * @param boxes        the moving objects, largest first, in picture coordinates 0..1
 * @param kind         whether the frame was measured, or only learnt from
 */
public record FrameVerdict(double score, List<Box> boxes, Kind kind) {

    /** Why a frame has the score it has. */
    public enum Kind {
        /** compared with the background */
        MEASURED,
        /** (re)building the background after a start, reconnect or settings change: never motion */
        LEARNING,
        /** the whole picture changed at once (lights, clouds, exposure): the background was rebuilt */
        GLOBAL_CHANGE
    }

    static final FrameVerdict LEARNING = new FrameVerdict(0, List.of(), Kind.LEARNING);
    static final FrameVerdict GLOBAL = new FrameVerdict(0, List.of(), Kind.GLOBAL_CHANGE);

    public FrameVerdict {
        boxes = List.copyOf(boxes);
    }

    public boolean motion() {
        return score > 0;
    }
}
