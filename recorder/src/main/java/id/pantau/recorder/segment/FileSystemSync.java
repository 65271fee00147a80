package id.pantau.recorder.segment;

import java.io.Closeable;
import java.io.IOException;

/** Makes everything written so far to one file system durable, in one call. */
interface FileSystemSync extends Closeable {

    /** Flushes every file's dirty data and metadata on the file system, and waits until the disk has it. */
    void sync() throws IOException;

    @Override
    default void close() throws IOException {
    }
}
