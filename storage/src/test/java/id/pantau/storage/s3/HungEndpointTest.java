package id.pantau.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.pantau.storage.s3.ObjectStoreException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An endpoint that accepts connections but never answers must not hang callers. */
class HungEndpointTest {

    private ServerSocket silent;
    private final List<Socket> accepted = new ArrayList<>();
    private Thread acceptor;
    @TempDir
    Path work;

    @BeforeEach
    void startSilentServer() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept()); // hold the connection open, never reply
                }
            } catch (IOException closed) {
                // server socket closed at the end of the test
            }
        }, "silent-s3");
        acceptor.start();
    }

    @AfterEach
    void stopSilentServer() throws Exception {
        silent.close();
        acceptor.join(2000);
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    void silentServerTimesOutAsUnreachableAndHealthCheckIsBounded() {
        S3Settings settings = new S3Settings(URI.create("http://127.0.0.1:" + silent.getLocalPort()), "us-east-1",
                "segments", new S3Credentials("AKIDEXAMPLE", "SecretThatMustNotLeak0123456789abcdefghij"));
        S3ClientOptions options = S3ClientOptions.defaults().withTimeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(800));
        MinioObjectStore store = new MinioObjectStore(settings, options);

        long start = System.nanoTime();
        ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class, () -> store.stat("k"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(e).hasMessageContaining("127.0.0.1:" + silent.getLocalPort());
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(TestFiles.fullText(e)).doesNotContain(settings.credentials().secretKey());

        long healthStart = System.nanoTime();
        assertThat(store.reachable()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - healthStart)).isLessThan(Duration.ofSeconds(2));
        store.close();
    }

    /**
     * A small body fits the socket buffers and then no answer comes (the read timeout); a large one stops
     * moving because nobody reads it (the write timeout). Either way the put fails in seconds, as unreachable.
     */
    @ParameterizedTest(name = "{0} bytes, sendfile {1}")
    @CsvSource({"4096, true", "4096, false", "67108864, true", "67108864, false"})
    void aPutToASilentServerFailsAsUnreachable(int sizeBytes, boolean sendfile) throws IOException {
        S3Settings settings = new S3Settings(URI.create("http://127.0.0.1:" + silent.getLocalPort()), "us-east-1",
                "segments", new S3Credentials("AKIDEXAMPLE", "SecretThatMustNotLeak0123456789abcdefghij"));
        S3ClientOptions options = S3ClientOptions.defaults().withTimeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(800)).withSendfilePut(sendfile)
                .withUploadSizes(128L * 1024 * 1024, 16L * 1024 * 1024);
        byte[] content = TestFiles.randomBytes(9, sizeBytes);
        Path file = TestFiles.write(work, "silent.mp4", content);
        MinioObjectStore store = new MinioObjectStore(settings, options);

        long start = System.nanoTime();
        ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class,
                () -> store.put("cam-1/silent.mp4", file, TestFiles.sha256Hex(content), Map.of()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(e).hasMessageContaining("127.0.0.1:" + silent.getLocalPort());
        assertThat(took).isLessThan(Duration.ofSeconds(8));
        assertThat(TestFiles.fullText(e)).doesNotContain(settings.credentials().secretKey());
        store.close();
    }
}
