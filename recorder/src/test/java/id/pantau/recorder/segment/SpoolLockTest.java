package id.pantau.recorder.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolLockTest {

    /** Holds an OS lock on a file from a process of its own until it is killed. */
    private static final String HOLDER = """
            import java.nio.ByteBuffer;
            import java.nio.channels.FileChannel;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;
            public class Holder {
                public static void main(String[] args) throws Exception {
                    FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    c.lock();
                    c.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\\n").getBytes()), 0);
                    System.out.println("LOCKED");
                    Thread.sleep(120_000);
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aSecondRecorderInTheSameProcessIsRefusedUntilTheFirstLetsGo() throws Exception {
        Path spool = dir.resolve("spool");
        SpoolLock first = SpoolLock.acquire(spool);
        assertThatThrownBy(() -> SpoolLock.acquire(spool))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spool directory " + spool.toAbsolutePath() + " is in use by another recorder")
                .hasMessageContaining("(pid " + ProcessHandle.current().pid() + ")");
        first.close();
        first.close();
        SpoolLock.acquire(spool).close();
    }

    @Test
    void anotherProcessHoldingTheSpoolIsNamedAndItsDeathFreesIt() throws Exception {
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Path source = Files.writeString(dir.resolve("Holder.java"), HOLDER);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(List.of(java, source.toString(),
                spool.resolve(SpoolLock.FILE_NAME).toString())).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("LOCKED");
            assertThatThrownBy(() -> SpoolLock.acquire(spool))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another recorder (pid " + holder.pid() + ")");
        } finally {
            holder.destroyForcibly(); // SIGKILL: the kernel drops the lock with the process
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        try (SpoolLock lock = SpoolLock.acquire(spool)) {
            assertThat(Files.readString(spool.resolve(SpoolLock.FILE_NAME)).trim())
                    .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
        }
    }
}
