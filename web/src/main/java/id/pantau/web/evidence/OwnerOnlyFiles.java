package id.pantau.web.evidence;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Secret files in the data directory: written whole to a private temp file, then moved into place (mode 600). */
final class OwnerOnlyFiles {

  private OwnerOnlyFiles() {}

  /** Writes {@code content} unless the file exists (another process may have won the race: its file stays). */
  static void writeIfAbsent(Path file, byte[] content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.write(temp, content);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file);
      }
    } catch (FileAlreadyExistsException e) {
      // someone else created it first; theirs is the one in use
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
