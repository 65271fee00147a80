package id.pantau.recorder.live;

/** Where a feed's frames come from right now. */
public enum FeedSource {
    /** The recording camera recorder's tap: no session of its own. */
    RECORDER,
    /** A connection of its own to the camera, open while the feed has subscribers. */
    CAMERA,
    /** Nothing: no recorder and no subscriber. */
    NONE
}
