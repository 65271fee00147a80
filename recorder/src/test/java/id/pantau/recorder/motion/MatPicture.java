package id.pantau.recorder.motion;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** A generated grey frame seen as a decoded {@link Picture}. */
final class MatPicture implements Picture {
    private final Mat grey;
    private final long pts90k;

    MatPicture(Mat grey, long pts90k) {
        this.grey = grey;
        this.pts90k = pts90k;
    }

    @Override
    public long pts90k() {
        return pts90k;
    }

    @Override
    public int width() {
        return grey.cols();
    }

    @Override
    public int height() {
        return grey.rows();
    }

    @Override
    public void greyInto(Mat dst) {
        resize(grey, dst, dst.size(), 0, 0, INTER_AREA);
    }

    @Override
    public byte[] jpeg(int maxWidth) {
        int w = Math.min(maxWidth, grey.cols());
        try (Mat small = new Mat(); Size size = new Size(w, grey.rows() * w / grey.cols())) {
            resize(grey, small, size, 0, 0, INTER_AREA);
            return Jpeg.encode(small);
        }
    }
}
