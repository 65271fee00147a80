package id.pantau.recorder.motion;

import org.bytedeco.opencv.opencv_core.Mat;

/** A decoded picture, valid only while the callback that received it runs. */
public interface Picture {

    /** Presentation time in 90 kHz ticks of the camera's clock. */
    long pts90k();

    int width();

    int height();

    /** Writes the picture's brightness, resized to {@code dst}'s size (which must be set), into {@code dst}. */
    void greyInto(Mat dst);

    /** The picture as a colour JPEG at most {@code maxWidth} pixels wide. */
    byte[] jpeg(int maxWidth);
}
