package id.pantau.recorder.motion;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;

import id.pantau.storage.motion.Zone;
import java.util.List;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Rasterises include and exclude polygons into the mask of pixels where motion counts (255) or not (0). */
public final class ZoneMask {

    private ZoneMask() {
    }

    /**
     * The mask for a {@code width} x {@code height} picture: the include polygons (or everything, if there are
     * none) minus the exclude polygons. Excludes win where the two overlap.
     */
    public static Mat of(List<Zone> zones, int width, int height) {
        boolean anyInclude = zones.stream().anyMatch(z -> z.kind() == Zone.Kind.INCLUDE);
        Mat mask = new Mat(height, width, CV_8UC1, new Scalar(anyInclude ? 0 : 255));
        fill(mask, zones, Zone.Kind.INCLUDE, 255);
        fill(mask, zones, Zone.Kind.EXCLUDE, 0);
        return mask;
    }

    private static void fill(Mat mask, List<Zone> zones, Zone.Kind kind, int value) {
        for (Zone z : zones) {
            if (z.kind() != kind) {
                continue;
            }
            int[] xy = new int[z.points().size() * 2];
            for (int i = 0; i < z.points().size(); i++) {
                Zone.Point p = z.points().get(i);
                xy[2 * i] = (int) Math.round(p.x() * (mask.cols() - 1));
                xy[2 * i + 1] = (int) Math.round(p.y() * (mask.rows() - 1));
            }
            try (IntPointer data = new IntPointer(xy);
                 Mat polygon = new Mat(z.points().size(), 1, CV_32SC2, data);
                 MatVector polygons = new MatVector(polygon);
                 Scalar colour = new Scalar(value)) {
                fillPoly(mask, polygons, colour);
            }
        }
    }
}
