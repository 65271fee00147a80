package id.pantau.recorder.segment;

/** The video codecs the recorder stores, with the MP4 sample entry each is written as. */
public enum VideoCodec {
    H264("h264", "avc1"),
    H265("hevc", "hvc1");

    private final String ffmpegName;
    private final String mp4Tag;

    VideoCodec(String ffmpegName, String mp4Tag) {
        this.ffmpegName = ffmpegName;
        this.mp4Tag = mp4Tag;
    }

    /** FFmpeg's codec name, as ffprobe reports it. */
    public String ffmpegName() {
        return ffmpegName;
    }

    /** Four-character code of the MP4 sample entry. */
    public String mp4Tag() {
        return mp4Tag;
    }

    public static VideoCodec fromFfmpegName(String name) {
        for (VideoCodec c : values()) {
            if (c.ffmpegName.equals(name) || c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unsupported codec: " + name);
    }
}
