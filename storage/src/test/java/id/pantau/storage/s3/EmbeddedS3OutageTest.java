package id.pantau.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import id.pantau.storage.s3.ObjectStoreException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stopped S3 endpoint fails fast and clearly, and a restart on the same port and directory recovers. */
class EmbeddedS3OutageTest {

    private static final Duration FAIL_FAST = Duration.ofSeconds(5);

    @TempDir
    Path dataDir;
    @TempDir
    Path work;

    @Test
    void stoppedEndpointFailsFastAndRestartOnSamePortServesTheSameObjects() throws IOException {
        EmbeddedS3 s3 = new EmbeddedS3(dataDir, 0).start();
        int port = s3.port();
        MinioObjectStore store = new MinioObjectStore(s3.settings("segments"));
        store.ensureBucket();
        byte[] content = TestFiles.randomBytes(21, 50_000);
        Path file = TestFiles.write(work, "before.mp4", content);
        store.put("cam-9/before.mp4", file, TestFiles.sha256Hex(content), Map.of());

        s3.stop();

        assertThat(s3.running()).isFalse();
        List<Supplier<Object>> operations = List.of(
                () -> store.stat("cam-9/before.mp4"),
                () -> store.get("cam-9/before.mp4"),
                () -> store.list("cam-9/"),
                () -> {
                    store.put("cam-9/during.mp4", file, TestFiles.sha256Hex(content), Map.of());
                    return null;
                });
        for (Supplier<Object> operation : operations) {
            long startNanos = System.nanoTime();
            ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class, operation::get);
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            assertThat(took).isLessThan(FAIL_FAST);
            assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
            assertThat(e).hasMessageContaining("endpoint unreachable").hasMessageContaining(s3.endpoint().toString());
            assertThat(TestFiles.fullText(e)).doesNotContain(s3.secretKey());
        }
        long healthStart = System.nanoTime();
        assertThat(store.reachable()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - healthStart)).isLessThan(Duration.ofSeconds(3));

        // a new instance, as after a process restart: same directory, same port, keys read back from the file
        EmbeddedS3 restarted = new EmbeddedS3(dataDir, port).start();

        assertThat(restarted.port()).isEqualTo(port);
        assertThat(restarted.credentials()).isEqualTo(s3.credentials());
        assertThat(store.reachable()).isTrue();
        assertThat(store.stat("cam-9/before.mp4").sizeBytes()).isEqualTo(content.length);
        try (InputStream in = store.get("cam-9/before.mp4")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        store.put("cam-9/after.mp4", file, TestFiles.sha256Hex(content), Map.of());
        assertThat(store.list("cam-9/")).extracting(ObjectInfo::key)
                .containsExactly("cam-9/after.mp4", "cam-9/before.mp4");

        // and the same instance can be stopped and started again in this JVM
        restarted.stop();
        assertThat(store.reachable()).isFalse();
        restarted.start();
        assertThat(restarted.port()).isEqualTo(port);
        assertThat(store.reachable()).isTrue();
        restarted.close();
        store.close();
    }
}
