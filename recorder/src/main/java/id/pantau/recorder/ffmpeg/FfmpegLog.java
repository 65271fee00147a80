package id.pantau.recorder.ffmpeg;

import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends FFmpeg's own log lines to SLF4J at warning level and above, with any user:password@ in URLs removed,
 * so camera credentials never reach the log.
 */
public final class FfmpegLog {

    private static final Logger LOG = LoggerFactory.getLogger("ffmpeg");
    private static final Pattern USERINFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]*@");
    private static boolean installed;
    private static Bridge bridge;

    private FfmpegLog() {
    }

    /**
     * Installs the bridge once; every caller returns only after that, so the first call also loads JavaCPP's and
     * FFmpeg's natives on one thread. Camera threads that raced into them could deadlock: one held JavaCPP's
     * Loader lock while the library's JNI_OnLoad waited for Pointer's class initialization, which another thread
     * was running and which waited for the Loader lock (seen with 64 cameras starting at once).
     */
    public static synchronized void install() {
        if (!installed) {
            avutil.av_log_set_level(avutil.AV_LOG_WARNING);
            bridge = new Bridge();
            avutil.setLogCallback(bridge);
            installed = true;
        }
    }

    static String clean(String line) {
        return USERINFO.matcher(line.strip()).replaceAll("$1***@");
    }

    private static final class Bridge extends LogCallback {
        @Override
        public void call(int level, BytePointer message) {
            if (level > avutil.AV_LOG_WARNING || message == null) {
                return;
            }
            String text = clean(message.getString());
            if (text.isEmpty()) {
                return;
            }
            if (level <= avutil.AV_LOG_ERROR) {
                LOG.error(text);
            } else {
                LOG.warn(text);
            }
        }
    }
}
