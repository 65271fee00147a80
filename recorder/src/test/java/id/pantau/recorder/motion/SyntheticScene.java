package id.pantau.recorder.motion;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_core.randu;
import static org.bytedeco.opencv.global.opencv_core.setRNGSeed;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import id.pantau.storage.motion.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A generated camera scene with ground truth: a textured static background under changing light, Gaussian sensor
 * noise that differs every frame, and objects moving on known paths. Drawn with OpenCV at 640x360.
 */
final class SyntheticScene implements AutoCloseable {
    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    static final double SECONDS = 40;
    private static final int NOISE_FRAMES = 12;

    /** The scene kinds of the accuracy suite. */
    enum Kind {
        STATIC_NOISE("static scene, sensor noise"),
        SLOW_RAMP("slow illumination ramp"),
        LIGHT_SWITCH("light switched on and off, then a walker"),
        SMALL_OBJECT("small object (0.5 %) crossing"),
        PERSON("person-sized walker"),
        EXCLUDED_MOTION("motion inside an excluded zone"),
        SWAYING_TREE("swaying texture in an excluded zone, a walker elsewhere");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** A true stretch of motion in seconds from the scene's start. */
    record Truth(double startSeconds, double endSeconds) {
    }

    /** Something that moves: a box {@code w} x {@code h} whose top-left follows x0 + vx t, y0 (+ bobbing). */
    private record Mover(double from, double to, double x0, double y0, double vx, int w, int h, double shade,
                         boolean person) {
        double x(double t) {
            return x0 + vx * (t - from);
        }

        boolean inView(double t) {
            return t >= from && t <= to && x(t) + w > 0 && x(t) < WIDTH;
        }
    }

    final Kind kind;
    final long seed;
    private final Random random;
    private final Mat background = new Mat();
    private final Mat gradient = new Mat();
    private final Mat pool = new Mat();
    private final Mat tree = new Mat();
    private final Mat frame32 = new Mat();
    /** Sensor noise: a bank of independent noise frames, one picked at random per frame (randn is the slow part). */
    private final Mat[] noise = new Mat[NOISE_FRAMES];
    private final List<Mover> movers = new ArrayList<>();
    private final List<Zone> zones = new ArrayList<>();
    private final double noiseSigma;
    private final Rect treeArea = new Rect(430, 20, 170, 170);

    SyntheticScene(Kind kind, long seed) {
        this.kind = kind;
        this.seed = seed;
        this.random = new Random(seed * 7919 + kind.ordinal());
        setRNGSeed((int) (seed * 31 + kind.ordinal()));
        this.noiseSigma = kind == Kind.STATIC_NOISE ? 8 : 5;
        for (int i = 0; i < NOISE_FRAMES; i++) {
            noise[i] = new Mat(HEIGHT, WIDTH, CV_32F);
            try (Mat zero = scalarMat(0); Mat sigma = scalarMat(noiseSigma)) {
                randn(noise[i], zero, sigma);
            }
        }
        texture(background, 60, 180, 16, 9, 18, WIDTH, HEIGHT);
        ramp(gradient);
        lampPool(pool);
        texture(tree, 30, 120, 12, 12, 30, treeArea.width(), treeArea.height());
        switch (kind) {
            case LIGHT_SWITCH -> walker(30);
            case SMALL_OBJECT -> {
                smallObject(3);
                smallObject(22);
            }
            case PERSON -> {
                walker(3);
                walker(22);
            }
            case EXCLUDED_MOTION -> {
                // a road on the left 40 % where traffic is of no interest
                zones.add(Zone.exclude(0, 0, 0.4, 0, 0.4, 1, 0, 1));
                for (double t = 0; t < SECONDS; t += 8) {
                    movers.add(new Mover(t, t + 8, random.nextInt(20), 40 + random.nextInt(250), 18, 60, 30,
                            random.nextBoolean() ? 30 : 225, false));
                }
            }
            case SWAYING_TREE -> {
                // drawn around the tree with room for its sway (10 px) and the blur around it
                double left = (treeArea.x() - 30) / (double) WIDTH;
                double right = (treeArea.x() + treeArea.width() + 30) / (double) WIDTH;
                double bottom = (treeArea.y() + treeArea.height() + 30) / (double) HEIGHT;
                zones.add(Zone.exclude(left, 0, right, 0, right, bottom, left, bottom));
                walker(15);
            }
            default -> {
            }
        }
    }

    private double sign() {
        return random.nextBoolean() ? 1 : -1;
    }

    /** A 48x24 object (0.5 % of the picture) crossing at about 64 px/s. */
    private void smallObject(double from) {
        double v = (56 + random.nextInt(16)) * sign();
        double x0 = v > 0 ? -48 : WIDTH;
        movers.add(new Mover(from, from + (WIDTH + 48) / Math.abs(v), x0, 60 + random.nextInt(240), v, 48, 24,
                random.nextBoolean() ? 20 : 235, false));
    }

    /** A 40x110 walker crossing the lower part of the picture (below the tree) at about 90 px/s. */
    private void walker(double from) {
        double v = (80 + random.nextInt(20)) * sign();
        double x0 = v > 0 ? -40 : WIDTH;
        int top = 230 + random.nextInt(15);
        movers.add(new Mover(from, from + (WIDTH + 40) / Math.abs(v), x0, top, v, 40, 110, 30 + random.nextInt(15), true));
    }

    List<Zone> zones() {
        return zones;
    }

    /** When motion truly happens: while a mover outside every excluded zone is in view. */
    List<Truth> truth() {
        List<Truth> out = new ArrayList<>();
        if (kind == Kind.EXCLUDED_MOTION) {
            return out;
        }
        for (Mover m : movers) {
            double start = m.vx() > 0 ? m.from() + (0 - m.x0() - m.w()) / m.vx() : m.from() + (m.x0() - WIDTH) / -m.vx();
            double end = m.vx() > 0 ? m.from() + (WIDTH - m.x0()) / m.vx() : m.from() + (m.x0() + m.w()) / -m.vx();
            out.add(new Truth(Math.max(m.from(), start), Math.min(m.to(), end)));
        }
        return out;
    }

    /** Global light level at time t (1 = the background as generated). */
    private double light(double t) {
        return switch (kind) {
            case SLOW_RAMP -> 0.55 + 0.9 * t / SECONDS;
            case LIGHT_SWITCH -> {
                if (t < 12 || t >= 26) {
                    yield 0.5;
                }
                // auto exposure overshoots and settles within about a second
                yield 1.0 + 0.3 * Math.exp(-(t - 12) / 0.25);
            }
            default -> 1.0;
        };
    }

    /** Renders the frame at {@code t} seconds into {@code out} (8-bit grey, 640x360). */
    void render(double t, Mat out) {
        background.copyTo(frame32);
        if (kind == Kind.SWAYING_TREE) {
            int dx = (int) Math.round(10 * Math.sin(2 * Math.PI * 0.4 * t));
            try (Mat target = frame32.apply(new Rect(treeArea.x() + dx, treeArea.y(), treeArea.width(),
                    treeArea.height()))) {
                tree.copyTo(target);
            }
        }
        for (Mover m : movers) {
            if (m.inView(t)) {
                draw(m, t);
            }
        }
        double light = light(t);
        if (kind == Kind.SLOW_RAMP) {
            // the sun comes up on one side: a growing left-to-right slope on top of the overall rise
            try (Mat slope = new Mat()) {
                gradient.convertTo(slope, CV_32F, 0.25 * t / SECONDS, 1.0);
                multiply(frame32, slope, frame32, light, CV_32F);
            }
        } else if (kind == Kind.LIGHT_SWITCH && light > 0.6) {
            multiply(frame32, pool, frame32, light, CV_32F);
        } else if (light != 1.0) {
            frame32.convertTo(frame32, CV_32F, light, 0);
        }
        add(frame32, noise[random.nextInt(NOISE_FRAMES)], frame32);
        frame32.convertTo(out, CV_8U);
    }

    private void draw(Mover m, double t) {
        int x = (int) Math.round(m.x(t));
        int y = (int) Math.round(m.y0());
        if (!m.person()) {
            rectangle(frame32, new Rect(x, y, m.w(), m.h()), new Scalar(m.shade()), FILLED, 8, 0);
            return;
        }
        // head, body and two legs that swing as it walks
        int bob = (int) Math.round(2 * Math.sin(2 * Math.PI * 2 * t));
        Scalar dark = new Scalar(m.shade());
        circle(frame32, new Point(x + 20, y + 10 + bob), 10, dark, FILLED, 8, 0);
        rectangle(frame32, new Rect(x + 6, y + 20 + bob, 28, 45), dark, FILLED, 8, 0);
        int swing = (int) Math.round(8 * Math.sin(2 * Math.PI * 1.5 * t));
        rectangle(frame32, new Rect(x + 8 + swing, y + 65 + bob, 9, 45), dark, FILLED, 8, 0);
        rectangle(frame32, new Rect(x + 23 - swing, y + 65 + bob, 9, 45), dark, FILLED, 8, 0);
    }

    /** Blobs of {@code low..high} at a coarse grid, smoothly enlarged, plus fine grain: a plausible static scene. */
    private static void texture(Mat out, double low, double high, int cols, int rows, double grain, int w, int h) {
        try (Mat coarse = new Mat(rows, cols, CV_32F); Mat fine = new Mat(h, w, CV_32F)) {
            randu(coarse, scalarMat(low), scalarMat(high));
            resize(coarse, out, new Size(w, h), 0, 0, INTER_CUBIC);
            randn(fine, scalarMat(0), scalarMat(grain));
            GaussianBlur(fine, fine, new Size(3, 3), 0);
            add(out, fine, out);
        }
    }

    private static Mat scalarMat(double v) {
        return new Mat(1, 1, CV_32F, new Scalar(v));
    }

    /** -1 at the left edge to 1 at the right edge. */
    private static void ramp(Mat out) {
        out.create(HEIGHT, WIDTH, CV_32F);
        var idx = out.<org.bytedeco.javacpp.indexer.FloatIndexer>createIndexer();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                idx.put(y, x, (float) (2.0 * x / (WIDTH - 1) - 1));
            }
        }
        idx.close();
    }

    /** A lamp's light: 25 % brighter under it than at the corners. */
    private static void lampPool(Mat out) {
        out.create(HEIGHT, WIDTH, CV_32F);
        var idx = out.<org.bytedeco.javacpp.indexer.FloatIndexer>createIndexer();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double dx = (x - 0.4 * WIDTH) / WIDTH;
                double dy = (y - 0.3 * HEIGHT) / HEIGHT;
                idx.put(y, x, (float) (0.9 + 0.25 * Math.exp(-(dx * dx + dy * dy) / 0.08)));
            }
        }
        idx.close();
    }

    static Mat newFrame() {
        return new Mat(HEIGHT, WIDTH, CV_8UC1);
    }

    @Override
    public void close() {
        for (Mat m : new Mat[] {background, gradient, pool, tree, frame32}) {
            m.close();
        }
        for (Mat m : noise) {
            m.close();
        }
    }
}
