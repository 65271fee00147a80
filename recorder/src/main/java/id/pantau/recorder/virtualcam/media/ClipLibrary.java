package id.pantau.recorder.virtualcam.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads each media file once and hands the same immutable clip to every mount that names it. */
public final class ClipLibrary {

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
                return AnnexBReader.readFile(path, frameRate);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read media file " + path, e);
            }
        });
    }

    public int size() {
        return clips.size();
    }
}
