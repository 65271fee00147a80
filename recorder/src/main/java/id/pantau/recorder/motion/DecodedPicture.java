package id.pantau.recorder.motion;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NV12;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NV21;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.Set;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The decoder's current frame seen as a {@link Picture}. Brightness comes straight from the luma plane of 8-bit
 * YUV pictures (no colour conversion); other formats, and colour JPEGs, go through swscale.
 */
final class DecodedPicture implements Picture, AutoCloseable {
    private static final Set<Integer> LUMA_FIRST = Set.of(AV_PIX_FMT_YUV420P, AV_PIX_FMT_YUVJ420P,
            AV_PIX_FMT_YUV422P, AV_PIX_FMT_YUVJ422P, AV_PIX_FMT_YUV444P, AV_PIX_FMT_YUVJ444P, AV_PIX_FMT_NV12,
            AV_PIX_FMT_NV21, AV_PIX_FMT_GRAY8);

    private final AVFrame frame;
    private SwsContext greyScaler;
    private SwsContext colourScaler;
    long pts90k;

    DecodedPicture(AVFrame frame) {
        this.frame = frame;
    }

    @Override
    public long pts90k() {
        return pts90k;
    }

    @Override
    public int width() {
        return frame.width();
    }

    @Override
    public int height() {
        return frame.height();
    }

    @Override
    public void greyInto(Mat dst) {
        if (LUMA_FIRST.contains(frame.format())) {
            try (Mat luma = new Mat(frame.height(), frame.width(), CV_8UC1, frame.data(0), frame.linesize(0))) {
                resize(luma, dst, dst.size(), 0, 0, INTER_AREA);
            }
            return;
        }
        greyScaler = sws_getCachedContext(greyScaler, frame.width(), frame.height(), frame.format(), dst.cols(),
                dst.rows(), AV_PIX_FMT_GRAY8, SWS_AREA, (SwsFilter) null, null, (DoublePointer) null);
        scale(greyScaler, dst);
    }

    @Override
    public byte[] jpeg(int maxWidth) {
        int w = Math.min(frame.width(), maxWidth);
        int h = Math.max(2, (int) Math.round((double) frame.height() * w / frame.width()) & ~1);
        colourScaler = sws_getCachedContext(colourScaler, frame.width(), frame.height(), frame.format(), w, h,
                AV_PIX_FMT_BGR24, SWS_BILINEAR, (SwsFilter) null, null, (DoublePointer) null);
        try (Mat bgr = new Mat(h, w, CV_8UC3)) {
            scale(colourScaler, bgr);
            return Jpeg.encode(bgr);
        }
    }

    private void scale(SwsContext scaler, Mat dst) {
        try (PointerPointer<?> dstData = new PointerPointer<>(1).put(0, dst.data());
             IntPointer dstStride = new IntPointer(1).put(0, (int) dst.step())) {
            sws_scale(scaler, frame.data(), frame.linesize(), 0, frame.height(), dstData, dstStride);
        }
    }

    @Override
    public void close() {
        if (greyScaler != null) {
            sws_freeContext(greyScaler);
        }
        if (colourScaler != null) {
            sws_freeContext(colourScaler);
        }
    }
}
