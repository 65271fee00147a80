package id.pantau.recorder.upload;

import id.pantau.recorder.segment.SpoolFile;
import id.pantau.recorder.segment.SpoolFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Spool file operations that refuse to start a new segment once the spool is at its bound, with the same
 * message a full disk gives, so the camera reports it and retries while other data is kept.
 */
public final class BoundedSpoolFiles implements SpoolFiles {
  private final SpoolFiles delegate;
  private final SpoolUsage usage;

  public BoundedSpoolFiles(SpoolFiles delegate, SpoolUsage usage) {
    this.delegate = delegate;
    this.usage = usage;
  }

  @Override
  public SpoolFile create(Path path) throws IOException {
    if (usage.level() == SpoolUsage.Level.FULL) {
      throw new IOException("No space left in the spool: " + usage.usedBytes() + " of " + usage.maxBytes()
          + " bytes used (vms.recorder.spool-max-size)");
    }
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
