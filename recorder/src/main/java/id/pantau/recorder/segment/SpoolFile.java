package id.pantau.recorder.segment;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** An open spool file being appended to. */
public interface SpoolFile extends Closeable {

    Path path();

    /** Appends all remaining bytes of the buffer. */
    void write(ByteBuffer bytes) throws IOException;

    /** Makes everything written so far durable (fsync). */
    void force() throws IOException;

    /** Cuts the file to this length. */
    void truncate(long length) throws IOException;

    long size() throws IOException;
}
