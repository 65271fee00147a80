package id.pantau.recorder.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** A spool file whose calls are passed on to another; a subclass overrides the ones it changes. */
public abstract class ForwardingSpoolFile implements SpoolFile {
    private final SpoolFile delegate;

    protected ForwardingSpoolFile(SpoolFile delegate) {
        this.delegate = delegate;
    }

    /** The file the calls are passed on to. */
    protected final SpoolFile delegate() {
        return delegate;
    }

    @Override
    public Path path() {
        return delegate.path();
    }

    @Override
    public void write(ByteBuffer bytes) throws IOException {
        delegate.write(bytes);
    }

    @Override
    public void force() throws IOException {
        delegate.force();
    }

    @Override
    public void truncate(long length) throws IOException {
        delegate.truncate(length);
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
