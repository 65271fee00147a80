package id.pantau.recorder.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpoolSyncTest {
    /** Long enough that the sync thread never fires by itself during a test: the test calls the sync. */
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''         | SYNCFS",
        "syncfs     | SYNCFS",
        "' FDATASYNC ' | FDATASYNC",
    })
    void theModeProperty(String property, SpoolSync.Mode expected) {
        assertThat(SpoolSync.mode(property)).isEqualTo(expected);
    }

    @Test
    void anUnknownModeIsNamed() {
        assertThatThrownBy(() -> SpoolSync.mode("fsync-sometimes"))
                .hasMessage("pantau.spool.sync=fsync-sometimes: expected syncfs or fdatasync");
    }

    @Test
    void linuxSyncfsSyncsTheSpoolsFileSystem() throws Exception {
        try (Syncfs syncfs = Syncfs.open(dir)) {
            syncfs.sync();
        }
        assertThatThrownBy(() -> Syncfs.open(dir.resolve("missing")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot open " + dir.resolve("missing") + " for syncfs")
                .hasMessageContaining("No such file or directory");
        Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> Syncfs.open(dir.resolve("plain"))).hasMessageContaining("Not a directory");
    }

    @Test
    void onLinuxTheSpoolIsGroupSyncedWhileCamerasWrite() throws Exception {
        Path spool = dir.resolve("spool");
        try (SpoolSync sync = SpoolSync.start(spool)) {
            assertThat(sync.mode()).isEqualTo(SpoolSync.Mode.SYNCFS);
            try (SpoolFile file = sync.create(spool.resolve("a.mp4"))) {
                file.write(ByteBuffer.wrap("fragment".getBytes(StandardCharsets.US_ASCII)));
                file.force();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (sync.syncs() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(sync.syncs()).as("syncs within 5 s of a write").isPositive();
            }
            assertThat(Files.readString(spool.resolve("a.mp4"))).isEqualTo("fragment");
        }
    }

    @Test
    void nothingWrittenNoSync() throws Exception {
        FileSystemSync fs = mock(FileSystemSync.class);
        try (SpoolSync sync = SpoolSync.grouped(SpoolFiles.nio(), fs, NEVER)) {
            sync.syncWritten();
            verify(fs, never()).sync();
            try (SpoolFile file = sync.create(dir.resolve("a.mp4"))) {
                file.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
                file.force();
                verify(fs, never()).sync();
                sync.syncWritten();
                sync.syncWritten();
                verify(fs, times(1)).sync();
                assertThat(sync.syncs()).isEqualTo(1);
            }
        }
    }

    @Test
    void theSyncThreadOutlivesAnUnexpectedError() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FileSystemSync buggyOnce = () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("a bug");
            }
        };
        try (SpoolSync sync = SpoolSync.grouped(SpoolFiles.nio(), buggyOnce, Duration.ofMillis(20));
             SpoolFile file = sync.create(dir.resolve("a.mp4"))) {
            for (int i = 0; i < 200 && sync.syncs() == 0; i++) {
                file.write(ByteBuffer.wrap(new byte[] {(byte) i}));
                Thread.sleep(10);
            }
            assertThat(calls.get()).isGreaterThan(1);
            assertThat(sync.syncs()).as("syncs after the failed one").isPositive();
        }
    }

    @Test
    void closeSyncsWhatIsLeft() throws Exception {
        FileSystemSync fs = mock(FileSystemSync.class);
        SpoolSync sync = SpoolSync.grouped(SpoolFiles.nio(), fs, NEVER);
        try (SpoolFile file = sync.create(dir.resolve("a.mp4"))) {
            file.write(ByteBuffer.wrap(new byte[] {1}));
        }
        sync.close();
        verify(fs).sync();
        verify(fs).close();
    }

    @Test
    void aFailedSyncfsIsRetriedFileByFileAndOnlyTheFailingFileIsRefused() throws Exception {
        FileSystemSync fs = mock(FileSystemSync.class);
        doThrow(new IOException("syncfs of the file system holding spool failed: [5] Input/output error"))
                .when(fs).sync();
        Path bad = dir.resolve("bad.mp4");
        SpoolFiles disk = new FailingForce(SpoolFiles.nio(), bad);
        try (SpoolSync sync = SpoolSync.grouped(disk, fs, NEVER);
             SpoolFile good = sync.create(dir.resolve("good.mp4"));
             SpoolFile failing = sync.create(bad);
             SpoolFile closed = sync.create(dir.resolve("closed.mp4"))) {
            for (SpoolFile f : new SpoolFile[] {good, failing, closed}) {
                f.write(ByteBuffer.wrap(new byte[] {7}));
            }
            closed.close();
            sync.syncWritten();

            good.force();
            good.write(ByteBuffer.wrap(new byte[] {8}));
            assertThat(sync.syncs()).isZero();
            assertThatThrownBy(failing::force)
                    .isInstanceOf(IOException.class)
                    .hasMessage("spool file " + bad + " could not be made durable: Input/output error (after: "
                            + "syncfs of the file system holding spool failed: [5] Input/output error)");
            assertThatThrownBy(() -> failing.write(ByteBuffer.wrap(new byte[] {9})))
                    .hasMessageContaining("could not be made durable");
            assertThat(Files.size(bad)).as("nothing appended after the failure").isEqualTo(1);
        }
    }

    @Test
    void inFdatasyncModeEachForceIsTheFilesOwn() throws Exception {
        Path bad = dir.resolve("bad.mp4");
        try (SpoolSync sync = SpoolSync.perFile(new FailingForce(SpoolFiles.nio(), bad));
             SpoolFile failing = sync.create(bad)) {
            assertThat(sync.mode()).isEqualTo(SpoolSync.Mode.FDATASYNC);
            failing.write(ByteBuffer.wrap(new byte[] {1}));
            assertThatThrownBy(failing::force).hasMessage("Input/output error");
            assertThat(sync.syncs()).isZero();
        }
    }

    /** The local spool, except that one file's fdatasync fails the way a failing disk's does. */
    private static final class FailingForce extends ForwardingSpoolFiles {
        private final Path failing;

        FailingForce(SpoolFiles disk, Path failing) {
            super(disk);
            this.failing = failing;
        }

        @Override
        public SpoolFile create(Path path) throws IOException {
            SpoolFile file = super.create(path);
            return !path.equals(failing) ? file : new ForwardingSpoolFile(file) {
                @Override
                public void force() throws IOException {
                    throw new IOException("Input/output error");
                }
            };
        }
    }
}
