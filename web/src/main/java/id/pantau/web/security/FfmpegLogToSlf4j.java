package id.pantau.web.security;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes FFmpeg's own log (av_log, normally written straight to stderr) into SLF4J logger {@code ffmpeg}, so it
 * passes through the same secret masking as every other line.
 */
public final class FfmpegLogToSlf4j {
  private static final Logger log = LoggerFactory.getLogger("ffmpeg");
  // a static field: FFmpeg keeps a native pointer to the callback, which must never be collected
  private static final LogCallback CALLBACK = new LogCallback() {
    @Override
    public void call(int level, BytePointer message) {
      String line = message.getString().strip();
      if (line.isEmpty()) {
        return;
      }
      if (level <= avutil.AV_LOG_ERROR) {
        log.error("{}", line);
      } else if (level <= avutil.AV_LOG_WARNING) {
        log.warn("{}", line);
      } else if (level <= avutil.AV_LOG_INFO) {
        log.info("{}", line);
      } else {
        log.debug("{}", line);
      }
    }
  };

  private FfmpegLogToSlf4j() {}

  /** Installs the callback for the whole process; messages below {@code warning} are dropped by FFmpeg. */
  public static synchronized void install() {
    avutil.av_log_set_level(avutil.AV_LOG_WARNING);
    avutil.setLogCallback(CALLBACK);
  }
}
