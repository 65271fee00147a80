package id.pantau.recorder.virtualcam.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads each media file once and hands the same immutable clip to every mount that names it. A raw Annex-B file
 * carries no frame rate of its own: a name with {@code -<N>fps-} in it plays at N frames a second, others at the
 * library's default.
 */
public final class ClipLibrary {

    private static final Pattern RATE_IN_NAME = Pattern.compile("-([1-9][0-9]{0,2})fps-");

    private final Map<Path, Clip> clips = new ConcurrentHashMap<>();
    private final int frameRate;

    public ClipLibrary(int frameRate) {
        this.frameRate = frameRate;
    }

    public Clip load(Path file) {
        Path key;
        try {
            key = file.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open media file " + file, e);
        }
        return clips.computeIfAbsent(key, path -> {
            try {
                return AnnexBReader.readFile(path, frameRateOf(path, frameRate));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read media file " + path, e);
            }
        });
    }

    /** The frame rate the file's name states ({@code -<N>fps-}), or {@code defaultRate}. */
    public static int frameRateOf(Path file, int defaultRate) {
        Matcher m = RATE_IN_NAME.matcher(file.getFileName().toString());
        return m.find() ? Integer.parseInt(m.group(1)) : defaultRate;
    }

    public int size() {
        return clips.size();
    }
}
