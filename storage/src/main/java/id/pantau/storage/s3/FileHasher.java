package id.pantau.storage.s3;

import java.io.IOException;
import java.nio.file.Path;

/** Computes a {@link FileDigest}; a seam so tests can alter a file between hashing and upload. */
@FunctionalInterface
interface FileHasher {
    FileDigest digest(Path file, long partSizeBytes) throws IOException;
}
