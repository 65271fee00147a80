package id.pantau.recorder.motion;

import id.pantau.storage.motion.MotionSettings;
import id.pantau.storage.motion.Zone;
import java.util.List;

/**
 * A camera's detector settings.
 *
 * @param sensitivity     1..100: how faint a difference from the background counts
 * @param minAreaFraction smallest object that counts, as a share (0..1) of the picture
 * @param zones           include and exclude polygons; with no include zone the whole picture is included
 */
public record DetectorConfig(int sensitivity, double minAreaFraction, List<Zone> zones) {

    public static final DetectorConfig DEFAULT = new DetectorConfig(MotionSettings.DEFAULT_SENSITIVITY,
            MotionSettings.DEFAULT_MIN_AREA_PERCENT / 100, List.of());

    public DetectorConfig {
        zones = List.copyOf(zones);
    }

    public static DetectorConfig of(MotionSettings s) {
        return new DetectorConfig(s.sensitivity(), s.minAreaPercent() / 100, s.zones());
    }

    /** Smallest grey-level difference (0..255) from the background that counts: 6 at 100, 20 at 60, 41 at 1. */
    public double minDifference() {
        return 6 + (100 - Math.max(1, Math.min(100, sensitivity))) * 0.35;
    }
}
