package id.pantau.recorder.motion;

/**
 * Figures of one analyser since it started.
 *
 * @param firstFrameWallMs arrival wall time of the first packet of the current connection, 0 if none yet
 */
public record AnalyserStats(long packets, long decoded, long analysed, long events, long reconnects,
                            long firstFrameWallMs, boolean eventOngoing) {
}
