package id.pantau.recorder.virtualcam;

import java.nio.file.Path;

/** Test media generated once into target/ and shared by every test class of the module. */
public final class MediaFixtures {

    public static final Path DIR = Path.of("target", "virtualcam-media");
    /** Seconds of the short clip used to cross the loop point quickly. */
    public static final int SHORT_SECONDS = 2;

    private MediaFixtures() {
    }

    public static Path mainH264() {
        return TestMedia.ensure(DIR, TestMedia.Kind.MAIN_H264);
    }

    public static Path subH264() {
        return TestMedia.ensure(DIR, TestMedia.Kind.SUB_H264);
    }

    public static Path mainH265() {
        return TestMedia.ensure(DIR, TestMedia.Kind.MAIN_H265);
    }

    /** A {@value #SHORT_SECONDS} s main-stream clip (one GOP), so 100 frames cross the loop point twice. */
    public static Path shortH264() {
        return TestMedia.ensure(DIR, TestMedia.Kind.MAIN_H264, SHORT_SECONDS);
    }
}
