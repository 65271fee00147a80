package id.pantau.recorder.motion;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** JPEG encoding of snapshots with OpenCV. */
public final class Jpeg {
    static final int QUALITY = 85;

    private Jpeg() {
    }

    /** A grey or BGR picture as JPEG bytes. */
    public static byte[] encode(Mat picture) {
        OpenCv.init();
        try (BytePointer buffer = new BytePointer();
             IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, QUALITY)) {
            if (!imencode(".jpg", picture, buffer, params)) {
                throw new IllegalStateException("JPEG encoding failed");
            }
            byte[] out = new byte[(int) buffer.limit()];
            buffer.get(out);
            return out;
        }
    }
}
