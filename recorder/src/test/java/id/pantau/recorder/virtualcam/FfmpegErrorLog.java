package id.pantau.recorder.virtualcam;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects FFmpeg's error-level log lines, so a test can assert a real client decoded without errors. */
public final class FfmpegErrorLog {

    private static final int MAX_KEPT = 1000;
    private static final List<String> ERRORS = new CopyOnWriteArrayList<>();
    // kept in a static field: FFmpeg holds a native pointer to it
    private static final LogCallback CALLBACK = new LogCallback() {
        @Override
        public void call(int level, BytePointer message) {
            if (level <= avutil.AV_LOG_ERROR && ERRORS.size() < MAX_KEPT) {
                ERRORS.add(message.getString().strip());
            }
        }
    };

    static {
        avutil.setLogCallback(CALLBACK);
    }

    private FfmpegErrorLog() {
    }

    /** Installs the callback (once) and forgets errors collected so far. */
    public static void reset() {
        ERRORS.clear();
    }

    public static List<String> errors() {
        return List.copyOf(ERRORS);
    }
}
