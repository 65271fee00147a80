package id.pantau.recorder.motion;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
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
    private final double minAreaPx;
    private final Mat background = new Mat();
    private final Mat blurred = new Mat();
    private final Mat frame32 = new Mat();
    private final Mat scaled32 = new Mat();
    private final Mat diff32 = new Mat();
    private final Mat diff8 = new Mat();
    private final Mat changed = new Mat();
    private final Mat objects = new Mat();
    private final Mat still = new Mat();
    private final Mat openKernel = getStructuringElement(MORPH_RECT, new Size(3, 3));
    private final Mat joinKernel = getStructuringElement(MORPH_ELLIPSE, new Size(7, 7));
    private final Size blurSize = new Size(5, 5);
    private final int[] histogram = new int[256];
    private byte[] diffBytes;
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
        this.minAreaPx = Math.max(4, config.minAreaFraction() * width * height);
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
        GaussianBlur(grey, blurred, blurSize, 0);
        blurred.convertTo(frame32, CV_32F);
        double frameMean = mean(frame32, mask).get(0);
        if (learningLeft > 0) {
            learn(frameMean);
            return FrameVerdict.LEARNING;
        }
        if (Math.abs(frameMean - previousMean) > BRIGHTNESS_JUMP * Math.max(previousMean, 16)) {
            return globalChange(frameMean);
        }
        previousMean = frameMean;
        double gain = mean(background, mask).get(0) / Math.max(frameMean, 1);
        frame32.convertTo(scaled32, CV_32F, gain, 0);
        absdiff(scaled32, background, diff32);
        diff32.convertTo(diff8, CV_8U);
        double level = Math.max(config.minDifference(), NOISE_FACTOR * maskedMedian(diff8));
        threshold(diff8, changed, level, 255, THRESH_BINARY);
        bitwise_and(changed, mask, changed);
        if (countNonZero(changed) > CHANGED_SHARE_LIMIT * maskArea) {
            return globalChange(frameMean);
        }
        morphologyEx(changed, changed, MORPH_OPEN, openKernel);
        dilate(changed, objects, joinKernel);
        List<Box> boxes = new ArrayList<>();
        double movingPx = objects(boxes);
        adapt();
        if (boxes.isEmpty()) {
            return new FrameVerdict(0, List.of(), FrameVerdict.Kind.MEASURED);
        }
        boxes.sort(Comparator.comparingDouble(Box::area).reversed());
        return new FrameVerdict(movingPx / maskArea, boxes.subList(0, Math.min(MAX_BOXES, boxes.size())),
                FrameVerdict.Kind.MEASURED);
    }

    /** Collects the objects large enough to count; returns their changed pixels. */
    private double objects(List<Box> boxes) {
        double movingPx = 0;
        try (MatVector contours = new MatVector()) {
            // findContours may modify its input in older OpenCV versions: give it a copy
            try (Mat work = objects.clone()) {
                findContours(work, contours, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
            }
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
        }
        return movingPx;
    }

    /** Learns quickly where nothing moves, slowly where something does. */
    private void adapt() {
        bitwise_not(objects, still);
        accumulateWeighted(frame32, background, ALPHA_BACKGROUND, still);
        accumulateWeighted(frame32, background, ALPHA_FOREGROUND, objects);
    }

    private void learn(double frameMean) {
        if (learningLeft == LEARNING_FRAMES || background.empty()) {
            frame32.copyTo(background);
        } else {
            accumulateWeighted(frame32, background, 0.5);
        }
        learningLeft--;
        previousMean = frameMean;
    }

    private FrameVerdict globalChange(double frameMean) {
        frame32.copyTo(background);
        previousMean = frameMean;
        // the next frame or two may still be settling (auto exposure): learn them as well
        learningLeft = 1;
        return FrameVerdict.GLOBAL;
    }

    /** Median of the 8-bit difference inside the counted zones. */
    private double maskedMedian(Mat diff) {
        int n = width * height;
        if (diffBytes == null) {
            diffBytes = new byte[n];
        }
        java.util.Arrays.fill(histogram, 0);
        diff.data().get(diffBytes, 0, n);
        byte[] m = maskBytes();
        for (int i = 0; i < n; i++) {
            if (m[i] != 0) {
                histogram[diffBytes[i] & 0xFF]++;
            }
        }
        int half = maskArea / 2;
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += histogram[v];
            if (seen > half) {
                return v;
            }
        }
        return 255;
    }

    private byte[] maskCache;

    private byte[] maskBytes() {
        if (maskCache == null) {
            maskCache = new byte[width * height];
            mask.data().get(maskCache);
        }
        return maskCache;
    }

    @Override
    public void close() {
        for (Mat m : new Mat[] {mask, background, blurred, frame32, scaled32, diff32, diff8, changed, objects, still,
                openKernel, joinKernel}) {
            m.close();
        }
        blurSize.close();
    }
}
