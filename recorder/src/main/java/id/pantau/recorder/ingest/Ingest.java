package id.pantau.recorder.ingest;

import id.pantau.recorder.ingest.rtsp.NettyStreamOpener;
import java.util.Locale;

/** Which RTSP client reads the cameras: the recorder's own Netty client (the default) or FFmpeg's demuxer. */
public enum Ingest {
    NETTY,
    FFMPEG;

    /** The opener of this kind; the Netty one is shared by every camera of the process. */
    public StreamOpener opener() {
        return this == NETTY ? NettyStreamOpener.shared() : new JavaCvStreamOpener();
    }

    /** "netty" or "ffmpeg", any case; null or blank means the default. */
    public static Ingest parse(String value) {
        if (value == null || value.isBlank()) {
            return NETTY;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ingest must be netty or ffmpeg, not '" + value + "'");
        }
    }
}
