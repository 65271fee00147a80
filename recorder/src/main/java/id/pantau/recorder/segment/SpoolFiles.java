package id.pantau.recorder.segment;

import java.io.IOException;
import java.nio.file.Path;

/** File operations of the spool, behind an interface so tests can make the disk fail or fill up. */
public interface SpoolFiles {

    /** Creates a new file (failing if it exists) for appending. */
    SpoolFile create(Path path) throws IOException;

    void createDirectories(Path dir) throws IOException;

    /** Writes a small file completely, fsyncs it and its directory. */
    void writeDurably(Path path, byte[] content) throws IOException;

    void deleteIfExists(Path path) throws IOException;

    static SpoolFiles nio() {
        return new NioSpoolFiles();
    }
}
