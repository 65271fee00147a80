package id.pantau.recorder.motion;

import org.bytedeco.opencv.global.opencv_core;

/** Loads OpenCV's natives once, on one thread, and keeps its own thread pool out of many small per-camera jobs. */
final class OpenCv {
    private static boolean ready;

    private OpenCv() {
    }

    static synchronized void init() {
        if (!ready) {
            // one pool per process only adds contention when every camera runs on its own thread
            opencv_core.setNumThreads(1);
            ready = true;
        }
    }
}
