package id.pantau.recorder.motion;

/**
 * Node-wide analysis settings.
 *
 * @param framesPerSecond analysed frames per second of media (sub-streams are decoded in full, analysed at this rate)
 * @param width           width of the grey frames analysed; the height keeps the picture's aspect
 * @param snapshotWidth   largest width of event snapshots
 */
public record AnalysisSettings(double framesPerSecond, int width, int snapshotWidth) {

    public static final AnalysisSettings DEFAULT = new AnalysisSettings(5, 320, 640);

    public AnalysisSettings {
        if (!(framesPerSecond > 0 && framesPerSecond <= 30) || width < 32 || width > 1920 || snapshotWidth < 32) {
            throw new IllegalArgumentException("bad analysis settings: " + framesPerSecond + " fps, width " + width);
        }
    }

    /** Analysis height for a picture of the given size: same aspect, even. */
    public int heightFor(int pictureWidth, int pictureHeight) {
        return Math.max(2, (int) Math.round((double) width * pictureHeight / pictureWidth) & ~1);
    }
}
