package id.pantau.recorder.ingest;

/** RTSP media transport. */
public enum Transport {
    TCP, UDP;

    String ffmpegValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
