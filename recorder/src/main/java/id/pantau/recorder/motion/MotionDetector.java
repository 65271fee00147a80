package id.pantau.recorder.motion;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.blur;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.accumulateWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import id.pantau.storage.motion.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Finds moving objects in small grey frames against a running-average background.
 *
 * <p>Per frame: blur; scale the frame so its mean brightness matches the background's (a uniform change of light
 * or exposure cancels out); difference with the background; threshold at the larger of the sensitivity's level
 * and a multiple of this frame's median difference (sensor noise and residual light changes raise the median,
 * moving objects do not); keep the counted zones; open (drops specks) and dilate (joins an object's parts);
 * contours whose own changed pixels reach the minimum area are objects.
 *
 * <p>A jump in mean brightness between frames, or a change over most of the picture, is a global change: the
 * background is rebuilt from the new picture and the frame counts as no motion. The background learns from
 * pixels without motion quickly and from moving pixels slowly, so an object that stops is absorbed in time.
 * Not thread-safe: one detector per camera.
 */
public final class MotionDetector implements AutoCloseable {

    /** Frames learnt before anything is measured, after a start or {@link #recalibrate()}. */
    static final int LEARNING_FRAMES = 3;
    /** Background adaptation per analysed frame where nothing moves (about 4 s at 5 fps). */
    static final double ALPHA_BACKGROUND = 0.05;
    /** ... and where something moves (about 40 s at 5 fps). */
    static final double ALPHA_FOREGROUND = 0.005;
    /** Mean brightness changing more than this between two analysed frames is a global change. */
    static final double BRIGHTNESS_JUMP = 0.08;
    /** More than this share of the picture changed at once is a global change. */
    static final double CHANGED_SHARE_LIMIT = 0.5;
    /** The threshold is at least this many times the frame's median difference from the background. */
    static final double NOISE_FACTOR = 5;
    static final int MAX_BOXES = 16;

    private final DetectorConfig config;
    private final int width;
    private final int height;
    private final Mat mask;
    private final int maskArea;
    private final boolean wholePicture;
    private final double minAreaPx;
    private final MedianSampler median;
    /** Running average in floating point: 8-bit steps of 0.5 % would round away, so only this stays 32-bit. */
    private final Mat background = new Mat();
    private final Mat background8 = new Mat();
    private final Mat blurred = new Mat();
    private final Mat diff8 = new Mat();
    private final Mat changed = new Mat();
    private final Mat objects = new Mat();
    private final Mat still = new Mat();
    private final Mat openKernel = getStructuringElement(MORPH_RECT, new Size(3, 3));
    private final Mat joinKernel = getStructuringElement(MORPH_RECT, new Size(7, 7));
    private final Size blurSize = new Size(5, 5);
    private final MatVector contours = new MatVector();
    private int learningLeft = LEARNING_FRAMES;
    private double previousMean = -1;

    public DetectorConfig config() {
        return config;
    }

    public MotionDetector(DetectorConfig config, int width, int height) {
        this.config = config;
        this.width = width;
        this.height = height;
        this.mask = ZoneMask.of(config.zones(), width, height);
        this.maskArea = countNonZero(mask);
        this.wholePicture = maskArea == width * height;
        this.minAreaPx = Math.max(4, config.minAreaFraction() * width * height);
        this.median = new MedianSampler(mask, width, height);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Forgets the background, e.g. after a reconnect: the next frames are learnt, not measured. */
    public void recalibrate() {
        learningLeft = LEARNING_FRAMES;
        previousMean = -1;
    }

    /** Analyses one {@code width} x {@code height} 8-bit grey frame. */
    public FrameVerdict analyse(Mat grey) {
        if (grey.cols() != width || grey.rows() != height || grey.type() != CV_8U) {
            throw new IllegalArgumentException("expected an 8-bit grey " + width + "x" + height + " frame, got "
                    + grey.cols() + "x" + grey.rows() + " type " + grey.type());
        }
        if (maskArea == 0) {
            return FrameVerdict.LEARNING;
        }
        blur(grey, blurred, blurSize);
        double frameMean = meanInZones(blurred);
        if (learningLeft > 0) {
            learn(frameMean);
            return FrameVerdict.LEARNING;
        }
        if (Math.abs(frameMean - previousMean) > BRIGHTNESS_JUMP * Math.max(previousMean, 16)) {
            return globalChange(frameMean);
        }
        previousMean = frameMean;
        double gain = meanInZones(background) / Math.max(frameMean, 1);
        // 8-bit from here on, in the frame's units: the background is scaled down by the gain (one pass instead
        // of scaling the frame), so the difference is |frame * gain - background| / gain and so is the level
        background.convertTo(background8, CV_8U, 1 / gain, 0);
        absdiff(blurred, background8, diff8);
        double level = Math.max(config.minDifference() / gain, NOISE_FACTOR * median.of(diff8));
        threshold(diff8, changed, level, 255, THRESH_BINARY);
        if (!wholePicture) {
            bitwise_and(changed, mask, changed);
        }
        if (countNonZero(changed) > CHANGED_SHARE_LIMIT * maskArea) {
            return globalChange(frameMean);
        }
        morphologyEx(changed, changed, MORPH_OPEN, openKernel);
        int changedPx = countNonZero(changed);
        if (changedPx == 0) {
            accumulateWeighted(blurred, background, ALPHA_BACKGROUND);
            return new FrameVerdict(0, List.of(), FrameVerdict.Kind.MEASURED);
        }
        dilate(changed, objects, joinKernel);
        List<Box> boxes = new ArrayList<>();
        // no object can reach the minimum area when all changed pixels together do not
        double movingPx = changedPx < minAreaPx ? 0 : objects(boxes);
        adapt();
        if (boxes.isEmpty()) {
            return new FrameVerdict(0, List.of(), FrameVerdict.Kind.MEASURED);
        }
        boxes.sort(Comparator.comparingDouble(Box::area).reversed());
        return new FrameVerdict(movingPx / maskArea, boxes.subList(0, Math.min(MAX_BOXES, boxes.size())),
                FrameVerdict.Kind.MEASURED);
    }

    private double meanInZones(Mat m) {
        try (Scalar s = wholePicture ? mean(m) : mean(m, mask)) {
            return s.get(0);
        }
    }

    /** Collects the objects large enough to count; returns their changed pixels. */
    private double objects(List<Box> boxes) {
        double movingPx = 0;
        // OpenCV 4 leaves findContours' input alone: no copy of objects needed
        findContours(objects, contours, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
        for (long i = 0; i < contours.size(); i++) {
            try (Mat contour = contours.get(i); Rect r = boundingRect(contour); Mat inside = changed.apply(r)) {
                int px = countNonZero(inside);
                if (px >= minAreaPx) {
                    movingPx += px;
                    boxes.add(new Box((double) r.x() / width, (double) r.y() / height, (double) r.width() / width,
                            (double) r.height() / height));
                }
            }
        }
        return movingPx;
    }

    /** Learns quickly where nothing moves, slowly where something does. */
    private void adapt() {
        bitwise_not(objects, still);
        accumulateWeighted(blurred, background, ALPHA_BACKGROUND, still);
        accumulateWeighted(blurred, background, ALPHA_FOREGROUND, objects);
    }

    private void learn(double frameMean) {
        if (learningLeft == LEARNING_FRAMES || background.empty()) {
            blurred.convertTo(background, CV_32F);
        } else {
            accumulateWeighted(blurred, background, 0.5);
        }
        learningLeft--;
        previousMean = frameMean;
    }

    private FrameVerdict globalChange(double frameMean) {
        blurred.convertTo(background, CV_32F);
        previousMean = frameMean;
        // the next frame or two may still be settling (auto exposure): learn them as well
        learningLeft = 1;
        return FrameVerdict.GLOBAL;
    }

    @Override
    public void close() {
        for (Mat m : new Mat[] {mask, background, background8, blurred, diff8, changed, objects, still,
                openKernel, joinKernel}) {
            m.close();
        }
        contours.close();
        blurSize.close();
    }
}
