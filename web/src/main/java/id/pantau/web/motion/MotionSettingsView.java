package id.pantau.web.motion;

import id.pantau.recorder.motion.MotionStatus;
import id.pantau.storage.motion.MotionSettings;
import id.pantau.storage.motion.Zone;
import java.util.List;

/**
 * A camera's motion settings as the API shows and takes them; zones are polygons of [x, y] points in picture
 * coordinates 0..1. {@code analysing} and {@code stream} are read-only: whether this node analyses the camera now,
 * and from which stream.
 */
record MotionSettingsView(Boolean enabled, Integer sensitivity, Double minAreaPercent, List<ZoneView> zones,
    Integer keepMotionExtraDays, Boolean analysing, String stream) {

  /** One polygon: kind "include" or "exclude". */
  record ZoneView(String kind, List<double[]> points) {}

  static MotionSettingsView of(MotionSettings s, MotionStatus status) {
    List<ZoneView> zones = s.zones().stream().map(z -> new ZoneView(z.kind().name().toLowerCase(),
        z.points().stream().map(p -> new double[] {p.x(), p.y()}).toList())).toList();
    return new MotionSettingsView(s.enabled(), s.sensitivity(), s.minAreaPercent(), zones, s.keepMotionExtraDays(),
        status != null, status == null ? null : status.stream());
  }

  /** These settings applied over {@code current}: fields left out keep their value. */
  MotionSettings applyTo(MotionSettings current) {
    List<Zone> z = zones == null ? current.zones() : zones.stream().map(MotionSettingsView::zone).toList();
    return new MotionSettings(current.cameraId(), enabled != null ? enabled : current.enabled(),
        sensitivity != null ? sensitivity : current.sensitivity(),
        minAreaPercent != null ? minAreaPercent : current.minAreaPercent(), z,
        keepMotionExtraDays != null ? keepMotionExtraDays : current.keepMotionExtraDays());
  }

  private static Zone zone(ZoneView v) {
    Zone.Kind kind;
    try {
      kind = v == null || v.kind() == null ? null : Zone.Kind.valueOf(v.kind().toUpperCase());
    } catch (IllegalArgumentException e) {
      kind = null;
    }
    List<Zone.Point> points = v == null || v.points() == null ? List.of() : v.points().stream()
        .map(p -> p == null || p.length != 2 ? new Zone.Point(-1, -1) : new Zone.Point(p[0], p[1])).toList();
    return new Zone(kind, points);
  }
}
