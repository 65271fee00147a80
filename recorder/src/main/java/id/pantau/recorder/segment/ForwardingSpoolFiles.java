package id.pantau.recorder.segment;

import java.io.IOException;
import java.nio.file.Path;

/** Spool file operations passed on to another; a subclass overrides the ones it changes. */
public abstract class ForwardingSpoolFiles implements SpoolFiles {
    private final SpoolFiles delegate;

    protected ForwardingSpoolFiles(SpoolFiles delegate) {
        this.delegate = delegate;
    }

    @Override
    public SpoolFile create(Path path) throws IOException {
        return delegate.create(path);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        delegate.createDirectories(dir);
    }

    @Override
    public void writeDurably(Path path, byte[] content) throws IOException {
        delegate.writeDurably(path, content);
    }

    @Override
    public void deleteIfExists(Path path) throws IOException {
        delegate.deleteIfExists(path);
    }
}
