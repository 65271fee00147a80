package id.pantau.recorder.live;

import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.ingest.StreamInfo;
import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.segment.VideoFormat;
import java.nio.ByteBuffer;

/**
 * Numbered stand-in access units for fan-out tests, where only order and keyframes matter: frame n carries n in its
 * bytes, is 40 ms after frame n-1, and is a keyframe every {@code gop} frames.
 */
final class SyntheticFrames {

    static final StreamInfo INFO = new StreamInfo(new VideoFormat(VideoCodec.H264, 640, 360, new byte[0]), 25);
    static final long FRAME_90K = 3600;

    private SyntheticFrames() {
    }

    static MediaPacket frame(int n, int gop) {
        byte[] data = ByteBuffer.allocate(12).putInt(0x00000001).putInt(n % gop == 0 ? 0x65 : 0x41).putInt(n).array();
        return new MediaPacket(n * FRAME_90K, n * FRAME_90K, n % gop == 0, data);
    }

    /** The number a frame made by {@link #frame} carries. */
    static int numberOf(MediaPacket packet) {
        return ByteBuffer.wrap(packet.data()).getInt(8);
    }
}
