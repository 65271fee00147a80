package id.pantau.recorder.motion;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.bytedeco.opencv.global.opencv_video;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_video.BackgroundSubtractorMOG2;

/**
 * Cost of one analysed frame, a plain warmed-up harness with JMH's method (JMH is not in the build): per case a
 * warm-up, then rounds of a fixed length of the thread's CPU time; the median round and the range are reported. Frames
 * are the accuracy suite's person-sized-walker scene (640x360 grey), 200 of them, replayed in a loop. Cases: the
 * Pantau detector on the 320x180 analysis frame; the whole picture path (downscale, detector, event tracker);
 * and, as baselines in the same run, OpenCV's MOG2 background subtractor and a bare two-frame difference on the
 * same 320x180 frames. Run: {@code bench/motion/detector.sh}.
 */
public final class DetectorCostBench {
    static final int FRAMES = 200;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DetectorCostBench() {
    }

    public static void main(String[] args) {
        double warmupS = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        double roundS = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        OpenCv.init();
        List<Mat> full = new ArrayList<>();
        List<Mat> small = new ArrayList<>();
        try (SyntheticScene scene = new SyntheticScene(SyntheticScene.Kind.PERSON, 1);
             Size size = new Size(320, 180)) {
            for (int i = 0; i < FRAMES; i++) {
                Mat f = SyntheticScene.newFrame();
                scene.render(8 + i / 5.0, f);
                Mat s = new Mat(180, 320, CV_8UC1);
                resize(f, s, size, 0, 0, INTER_AREA);
                full.add(f);
                small.add(s);
            }
        }
        System.out.printf(Locale.ROOT, "warm-up %.0f s, %d rounds of %.0f s of thread CPU time, one thread, frames 640x360 -> 320x180%n",
                warmupS, rounds, roundS);
        System.out.println("| case | CPU µs per frame, median (min–max) | frames per second of one core |");
        System.out.println("| --- | ---: | ---: |");
        try (MotionDetector detector = new MotionDetector(DetectorConfig.DEFAULT, 320, 180)) {
            report("Pantau detector (320x180)", warmupS, roundS, rounds, i -> detector.analyse(small.get(i % FRAMES)));
        }
        long[] pts = {0};
        try (CameraAnalyser analyser = new CameraAnalyser("bench", DetectorConfig.DEFAULT, AnalysisSettings.DEFAULT,
                EventTiming.DEFAULT, false, FrameTimes.fromMedia(0), () -> 0, new CollectingListener())) {
            report("Pantau picture path (downscale + detector + events)", warmupS, roundS, rounds, i -> {
                pts[0] += 18_000; // 5 fps: the sampler takes every frame
                analyser.picture(new MatPicture(full.get(i % FRAMES), pts[0]));
            });
        }
        BackgroundSubtractorMOG2 mog2 = opencv_video.createBackgroundSubtractorMOG2();
        try (Mat mask = new Mat()) {
            report("baseline: OpenCV MOG2 (320x180)", warmupS, roundS, rounds,
                    i -> mog2.apply(small.get(i % FRAMES), mask));
        }
        mog2.close();
        try (Mat diff = new Mat()) {
            report("baseline: two-frame difference + threshold (320x180)", warmupS, roundS, rounds, i -> {
                absdiff(small.get(i % FRAMES), small.get((i + 1) % FRAMES), diff);
                threshold(diff, diff, 25, 255, THRESH_BINARY);
            });
        }
    }

    private static void report(String name, double warmupS, double roundS, int rounds, IntConsumer op) {
        run(op, warmupS);
        double[] us = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            us[r] = run(op, roundS);
        }
        double[] sorted = us.clone();
        Arrays.sort(sorted);
        double median = sorted[rounds / 2];
        System.out.printf(Locale.ROOT, "| %s | %.0f (%.0f–%.0f) | %.0f |%n", name, median, sorted[0],
                sorted[rounds - 1], 1e6 / median);
    }

    /**
     * Runs {@code op} for about {@code seconds} of this thread's CPU time; returns CPU µs per call. CPU time, not
     * wall time: the machine is shared, and a thread waiting for a core would otherwise count as slow code.
     */
    private static double run(IntConsumer op, double seconds) {
        long start = THREADS.getCurrentThreadCpuTime();
        long end = start + (long) (seconds * 1e9);
        int n = 0;
        long now;
        do {
            op.accept(n++);
            now = THREADS.getCurrentThreadCpuTime();
        } while (now < end);
        return (now - start) / 1e3 / n;
    }
}
