import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The storage work a recorder cannot avoid, alone: for each camera, once a second, one append of a second of
 * video to its spool file, optionally made durable (fdatasync) and hashed (SHA-256), with a new file every
 * segment and the previous one deleted (as the spool does once a segment is uploaded). No network, no parsing,
 * no muxing, no upload: run beside the recorder and the baseline, it shows how much of their CPU this part is.
 *
 * <p>Usage: {@code java -cp JNA_JAR StorageFloor.java DIR CAMERAS KBIT_PER_S SEGMENT_S write|fsync|sha|syncfs};
 * "fsync" is write and fdatasync per file, "sha" is write, fdatasync and SHA-256, "syncfs" is write, SHA-256 and
 * one syncfs of the file system per second for all files, as the recorder's spool does since 2026-11-24 (JNA,
 * the recorder's own dependency, calls it). Runs until killed. Single-file source: the JDK and JNA run it.
 */
public class StorageFloor {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int cameras = Integer.parseInt(args[1]);
        int bytesPerSecond = Integer.parseInt(args[2]) * 1000 / 8;
        int segmentSeconds = Integer.parseInt(args[3]);
        String mode = args[4];
        if (!mode.equals("write") && !mode.equals("fsync") && !mode.equals("sha") && !mode.equals("syncfs")) {
            throw new IllegalArgumentException("mode must be write, fsync, sha or syncfs: " + mode);
        }
        boolean durable = mode.equals("fsync") || mode.equals("sha");
        boolean hashed = mode.equals("sha") || mode.equals("syncfs");
        Files.createDirectories(dir);
        int dirFd = mode.equals("syncfs") ? CLibrary.C.open(dir.toString(), 0x10000) : -1; // O_RDONLY|O_DIRECTORY
        byte[] second = new byte[bytesPerSecond];
        new Random(1).nextBytes(second);
        FileChannel[] open = new FileChannel[cameras];
        Path[] paths = new Path[cameras];
        MessageDigest[] digests = new MessageDigest[cameras];
        System.out.println("READY " + mode + " " + cameras + " cameras, " + bytesPerSecond + " bytes/s each");
        long nextNanos = System.nanoTime();
        for (long tick = 0; ; tick++) {
            for (int c = 0; c < cameras; c++) {
                if (tick % segmentSeconds == 0) {
                    roll(open, paths, digests, c, dir, tick, hashed);
                }
                ByteBuffer buffer = ByteBuffer.wrap(second);
                while (buffer.hasRemaining()) {
                    open[c].write(buffer);
                }
                if (durable) {
                    open[c].force(false);
                }
                if (hashed) {
                    digests[c].update(second);
                }
            }
            if (dirFd >= 0) {
                CLibrary.C.syncfs(dirFd);
            }
            nextNanos += TimeUnit.SECONDS.toNanos(1);
            long sleepNanos = nextNanos - System.nanoTime();
            if (sleepNanos > 0) {
                TimeUnit.NANOSECONDS.sleep(sleepNanos);
            }
        }
    }

    /** syncfs(2), which the JDK does not offer. */
    interface CLibrary extends Library {
        CLibrary C = Native.load("c", CLibrary.class);

        int open(String path, int flags) throws LastErrorException;

        int syncfs(int fd) throws LastErrorException;
    }

    private static void roll(FileChannel[] open, Path[] paths, MessageDigest[] digests, int c, Path dir, long tick,
                             boolean hashed) throws Exception {
        if (open[c] != null) {
            open[c].close();
            Files.delete(paths[c]);
            if (hashed) {
                digests[c].digest();
            }
        }
        paths[c] = dir.resolve("cam" + c + "-" + tick + ".mp4");
        open[c] = FileChannel.open(paths[c], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        digests[c] = MessageDigest.getInstance("SHA-256");
    }
}
