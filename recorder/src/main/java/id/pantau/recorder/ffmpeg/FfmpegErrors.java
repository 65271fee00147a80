package id.pantau.recorder.ffmpeg;

import org.bytedeco.ffmpeg.global.avutil;

/** Turns FFmpeg's negative return codes into readable text. */
public final class FfmpegErrors {

    private FfmpegErrors() {
    }

    public static String describe(int code) {
        byte[] buffer = new byte[256];
        if (avutil.av_strerror(code, buffer, buffer.length) < 0) {
            return "error " + code;
        }
        int length = 0;
        while (length < buffer.length && buffer[length] != 0) {
            length++;
        }
        return new String(buffer, 0, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** FFmpeg's AVERROR(errno) for a POSIX errno. */
    public static int averror(int errno) {
        return -errno;
    }
}
