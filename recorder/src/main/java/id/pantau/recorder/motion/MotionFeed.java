package id.pantau.recorder.motion;

import id.pantau.storage.motion.MotionEvent;

/** Hears about motion events once they are stored (for live notification); called on the writer's thread. */
public interface MotionFeed {

    /** What happened to the event. */
    enum Change {
        STARTED, ENDED
    }

    void published(Change change, MotionEvent event);

    MotionFeed NONE = (change, event) -> { };
}
