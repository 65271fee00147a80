package id.pantau.recorder.motion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * The accuracy suite: every generated scene kind with several seeds, through the analyser's picture path
 * (downscale, detector, event tracker) at 5 fps. Event-level precision and recall must reach 0.95 and every
 * event must start within a second of the truth. Writes the table to target/motion-accuracy.md.
 */
class MotionAccuracyTest {
    static final int SEEDS = 3;
    static final double FPS = 5;

    @Test
    void precisionRecallAndStartErrorOverAllScenes() throws Exception {
        AccuracyTable table = new AccuracyTable();
        for (SyntheticScene.Kind kind : SyntheticScene.Kind.values()) {
            for (long seed = 1; seed <= SEEDS; seed++) {
                AccuracyTable.Row r = table.score(kind.description, truth(kind, seed), run(kind, seed));
                System.out.printf("%s seed %d: truths %d, detected %d, tp %d, found %d%n", kind, seed, r.truths,
                        r.detected, r.truePositives, r.found);
            }
        }
        String markdown = table.markdown();
        System.out.println(markdown);
        Files.writeString(Path.of("target", "motion-accuracy.md"), markdown + "\n");
        AccuracyTable.Row all = table.overall();
        assertThat(all.truths).as("scenes with true motion").isGreaterThanOrEqualTo(15);
        assertThat(all.precision()).as("precision").isGreaterThanOrEqualTo(0.95);
        assertThat(all.recall()).as("recall").isGreaterThanOrEqualTo(0.95);
        assertThat(all.maxStartErrorSeconds).as("worst start error, s").isLessThanOrEqualTo(1.0);
    }

    static List<double[]> truth(SyntheticScene.Kind kind, long seed) {
        try (SyntheticScene scene = new SyntheticScene(kind, seed)) {
            return scene.truth().stream().map(t -> new double[] {t.startSeconds(), t.endSeconds()}).toList();
        }
    }

    /** Detected events of one scene, [start, end] in seconds. */
    static List<double[]> run(SyntheticScene.Kind kind, long seed) {
        CollectingListener events = new CollectingListener();
        try (SyntheticScene scene = new SyntheticScene(kind, seed);
             CameraAnalyser analyser = new CameraAnalyser("synthetic", new DetectorConfig(60, 0.002, scene.zones()),
                     AnalysisSettings.DEFAULT, EventTiming.DEFAULT, false, FrameTimes.fromMedia(0), () -> 0,
                     events);
             Mat frame = SyntheticScene.newFrame()) {
            int frames = (int) (SyntheticScene.SECONDS * FPS);
            for (int i = 0; i < frames; i++) {
                double t = i / FPS;
                scene.render(t, frame);
                analyser.picture(new MatPicture(frame, Math.round(t * 90_000)));
            }
        }
        List<double[]> out = new ArrayList<>();
        for (long[] e : events.intervals((long) (SyntheticScene.SECONDS * 1000))) {
            out.add(new double[] {e[0] / 1000.0, e[1] / 1000.0});
        }
        return out;
    }
}
