package id.pantau.recorder.segment;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Linux's {@code syncfs(2)} on the file system that holds a directory, called through JNA because the JDK only
 * offers a sync per file. One syncfs commits the journal once for every spool file, where an fdatasync per file
 * commits it once per file.
 */
final class Syncfs implements FileSystemSync {
    private static final int O_RDONLY = 0;
    private static final int O_DIRECTORY = 0x10000;
    private static final int O_CLOEXEC = 0x80000;

    /** The C library calls used; declaring {@link LastErrorException} makes JNA check errno. */
    private interface CLibrary extends Library {
        int open(String path, int flags) throws LastErrorException;

        int syncfs(int fd) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static volatile CLibrary libc;

    private final Path dir;
    private final int fd;

    private Syncfs(Path dir, int fd) {
        this.dir = dir;
        this.fd = fd;
    }

    /**
     * Opens the directory to sync its file system.
     *
     * @throws IOException if this is not Linux, the C library does not load, or the directory cannot be opened
     */
    static Syncfs open(Path dir) throws IOException {
        CLibrary c = library();
        try {
            return new Syncfs(dir, c.open(dir.toAbsolutePath().toString(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        } catch (LastErrorException e) {
            throw new IOException("cannot open " + dir + " for syncfs: " + e.getMessage(), e);
        }
    }

    @Override
    public void sync() throws IOException {
        try {
            library().syncfs(fd);
        } catch (LastErrorException e) {
            throw new IOException("syncfs of the file system holding " + dir + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            library().close(fd);
        } catch (LastErrorException e) {
            throw new IOException("cannot close " + dir + ": " + e.getMessage(), e);
        }
    }

    private static CLibrary library() throws IOException {
        CLibrary c = libc;
        if (c != null) {
            return c;
        }
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            throw new IOException("syncfs is Linux only, this is " + System.getProperty("os.name"));
        }
        try {
            c = Native.load("c", CLibrary.class);
        } catch (LinkageError e) {
            throw new IOException("cannot load the C library for syncfs: " + e.getMessage(), e);
        }
        libc = c;
        return c;
    }

    @Override
    public String toString() {
        return "syncfs(" + dir + ")";
    }
}
