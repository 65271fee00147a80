package id.pantau.recorder.live;

/** What a viewer is sent, in order: a description and init segment per format, media fragments, state changes. */
public sealed interface LiveMessage {

    /** A new format: the MSE type ({@code video/mp4; codecs="..."}), picture size and the init segment. */
    record Init(String mimeType, int width, int height, byte[] initSegment) implements LiveMessage {
    }

    /** One moof+mdat fragment holding one frame; {@code decodeTime90k} on the viewer's timeline. */
    record Media(byte[] fragment, boolean keyframe, long decodeTime90k) implements LiveMessage {
    }

    /** The feed's state changed. */
    record State(FeedStatus status) implements LiveMessage {
    }
}
