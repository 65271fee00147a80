/**
 * Live fan-out: each camera stream's access units (no decoding) go to any number of subscribers, each with a bounded
 * queue that skips ahead to the next keyframe when its consumer falls behind, and a cache of the last GOP so a new
 * subscriber starts at once from the latest keyframe. Main-stream feeds are fed by the recording camera's tap; other
 * feeds are pulled from the camera on demand.
 */
package id.pantau.recorder.live;
