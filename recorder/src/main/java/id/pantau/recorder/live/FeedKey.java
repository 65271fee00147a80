package id.pantau.recorder.live;

import java.util.Objects;

/** Names one live feed: a camera and one of its streams. */
public record FeedKey(String cameraId, LiveStream stream) {

    public FeedKey {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(stream, "stream");
    }

    public static FeedKey main(String cameraId) {
        return new FeedKey(cameraId, LiveStream.MAIN);
    }

    public static FeedKey sub(String cameraId) {
        return new FeedKey(cameraId, LiveStream.SUB);
    }

    @Override
    public String toString() {
        return cameraId + "/" + stream.pathName();
    }
}
