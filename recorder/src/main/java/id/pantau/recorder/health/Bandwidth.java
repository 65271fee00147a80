package id.pantau.recorder.health;

/**
 * The video a link carries against its capacity. {@code ratio} is null when the capacity is unknown;
 * {@code warning} is set above the warning ratio (80 % by default).
 */
public record Bandwidth(long usedBps, Long capacityBps, Double ratio, boolean warning) {

    public static Bandwidth of(long usedBps, Integer capacityMbps, double warnRatio) {
        if (capacityMbps == null || capacityMbps <= 0) {
            return new Bandwidth(usedBps, null, null, false);
        }
        long capacity = capacityMbps * 1_000_000L;
        double ratio = (double) usedBps / capacity;
        return new Bandwidth(usedBps, capacity, ratio, ratio > warnRatio);
    }
}
