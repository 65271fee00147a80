package id.pantau.storage.motion;

import java.util.List;
import java.util.Objects;

/**
 * How motion is detected on one camera.
 *
 * @param sensitivity         1 (only strong contrast counts) to 100 (faint changes count)
 * @param minAreaPercent      smallest object that counts, in percent of the picture
 * @param zones               include and exclude polygons; with no include zone the whole picture is included
 * @param keepMotionExtraDays segments with motion are kept this many days beyond the camera's retention
 */
public record MotionSettings(String cameraId, boolean enabled, int sensitivity, double minAreaPercent,
                             List<Zone> zones, int keepMotionExtraDays) {

    public static final int DEFAULT_SENSITIVITY = 60;
    public static final double DEFAULT_MIN_AREA_PERCENT = 0.2;
    static final int MAX_ZONES = 16;
    static final int MAX_POINTS = 32;
    static final int MAX_EXTRA_DAYS = 3650;

    public MotionSettings {
        Objects.requireNonNull(cameraId, "cameraId");
        zones = zones == null ? List.of() : List.copyOf(zones);
    }

    /** Settings of a camera nobody configured: motion detection off. */
    public static MotionSettings defaults(String cameraId) {
        return new MotionSettings(cameraId, false, DEFAULT_SENSITIVITY, DEFAULT_MIN_AREA_PERCENT, List.of(), 0);
    }

    /** Returns these settings if every field is usable, else throws naming the first bad field. */
    public MotionSettings validate() {
        if (sensitivity < 1 || sensitivity > 100) {
            throw new InvalidMotionSettingsException("sensitivity", "must be 1..100, was " + sensitivity);
        }
        if (!(minAreaPercent >= 0.01 && minAreaPercent <= 50)) {
            throw new InvalidMotionSettingsException("minAreaPercent", "must be 0.01..50, was " + minAreaPercent);
        }
        if (keepMotionExtraDays < 0 || keepMotionExtraDays > MAX_EXTRA_DAYS) {
            throw new InvalidMotionSettingsException("keepMotionExtraDays",
                    "must be 0.." + MAX_EXTRA_DAYS + ", was " + keepMotionExtraDays);
        }
        if (zones.size() > MAX_ZONES) {
            throw new InvalidMotionSettingsException("zones", "at most " + MAX_ZONES + " zones");
        }
        for (int i = 0; i < zones.size(); i++) {
            validateZone(i, zones.get(i));
        }
        return this;
    }

    private static void validateZone(int index, Zone zone) {
        String field = "zones[" + index + "]";
        if (zone == null || zone.kind() == null) {
            throw new InvalidMotionSettingsException(field, "kind must be include or exclude");
        }
        if (zone.points().size() < 3 || zone.points().size() > MAX_POINTS) {
            throw new InvalidMotionSettingsException(field, "a polygon needs 3.." + MAX_POINTS + " points");
        }
        for (Zone.Point p : zone.points()) {
            if (p == null || !(p.x() >= 0 && p.x() <= 1 && p.y() >= 0 && p.y() <= 1)) {
                throw new InvalidMotionSettingsException(field, "points must lie within 0..1 of the picture");
            }
        }
    }

    public MotionSettings withEnabled(boolean on) {
        return new MotionSettings(cameraId, on, sensitivity, minAreaPercent, zones, keepMotionExtraDays);
    }

    public MotionSettings withZones(List<Zone> newZones) {
        return new MotionSettings(cameraId, enabled, sensitivity, minAreaPercent, newZones, keepMotionExtraDays);
    }
}
