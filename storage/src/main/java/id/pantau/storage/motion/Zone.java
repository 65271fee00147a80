package id.pantau.storage.motion;

import java.util.List;

/** A polygon in picture coordinates (0..1, origin top left) where motion counts (include) or is ignored (exclude). */
public record Zone(Kind kind, List<Point> points) {

    /** Whether motion inside the polygon counts. */
    public enum Kind {
        INCLUDE, EXCLUDE
    }

    /** A vertex; x to the right, y downwards, both 0..1 of the picture's size. */
    public record Point(double x, double y) {
    }

    public Zone {
        points = List.copyOf(points);
    }

    public static Zone include(double... xy) {
        return new Zone(Kind.INCLUDE, points(xy));
    }

    public static Zone exclude(double... xy) {
        return new Zone(Kind.EXCLUDE, points(xy));
    }

    private static List<Point> points(double[] xy) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("coordinates come in x,y pairs");
        }
        Point[] p = new Point[xy.length / 2];
        for (int i = 0; i < p.length; i++) {
            p[i] = new Point(xy[2 * i], xy[2 * i + 1]);
        }
        return List.of(p);
    }
}
