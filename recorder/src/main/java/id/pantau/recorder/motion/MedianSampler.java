package id.pantau.recorder.motion;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Median of an 8-bit picture inside a mask, estimated from every fourth pixel of every fourth row: it is a noise
 * level, and a sixteenth of the pixels (3,600 of a 320x180 frame) gives the same median for a fraction of the cost.
 */
final class MedianSampler {
    static final int STEP = 4;
    static final int MIN_SAMPLES = 256;

    private final int width;
    private final int height;
    /** Row-major offsets of the sampled pixels inside the mask. */
    private final int[] offsets;
    private final byte[] pixels;
    private final int[] histogram = new int[256];

    MedianSampler(Mat mask, int width, int height) {
        this.width = width;
        this.height = height;
        byte[] m = new byte[width * height];
        mask.data().get(m);
        int[] sampled = offsets(m, STEP);
        // a small zone may hold too few sampled pixels for a stable median: then take all of them
        this.offsets = sampled.length >= MIN_SAMPLES ? sampled : offsets(m, 1);
        this.pixels = new byte[width * height];
    }

    private int[] offsets(byte[] mask, int step) {
        int n = 0;
        int[] all = new int[mask.length];
        for (int y = 0; y < height; y += step) {
            for (int x = 0; x < width; x += step) {
                if (mask[y * width + x] != 0) {
                    all[n++] = y * width + x;
                }
            }
        }
        return java.util.Arrays.copyOf(all, n);
    }

    /** The median value of the sampled pixels of {@code picture} (continuous, {@code width} x {@code height}). */
    int of(Mat picture) {
        if (offsets.length == 0) {
            return 0;
        }
        picture.data().get(pixels, 0, width * height);
        int[] h = histogram;
        java.util.Arrays.fill(h, 0);
        for (int offset : offsets) {
            h[pixels[offset] & 0xFF]++;
        }
        int half = offsets.length / 2;
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += h[v];
            if (seen > half) {
                return v;
            }
        }
        return 255;
    }
}
