package id.pantau.recorder.upload;

import id.pantau.recorder.segment.ForwardingSpoolFiles;
import id.pantau.recorder.segment.SpoolFile;
import id.pantau.recorder.segment.SpoolFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Spool file operations that refuse to start a new segment once the spool is at its bound, with the same
 * message a full disk gives, so the camera reports it and retries while other data is kept.
 */
public final class BoundedSpoolFiles extends ForwardingSpoolFiles {
  private final SpoolUsage usage;

  public BoundedSpoolFiles(SpoolFiles delegate, SpoolUsage usage) {
    super(delegate);
    this.usage = usage;
  }

  @Override
  public SpoolFile create(Path path) throws IOException {
    if (usage.level() == SpoolUsage.Level.FULL) {
      throw new IOException("No space left in the spool: " + usage.usedBytes() + " of " + usage.maxBytes()
          + " bytes used (vms.recorder.spool-max-size)");
    }
    return super.create(path);
  }
}
