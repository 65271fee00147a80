package id.pantau.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import id.pantau.storage.s3.ObjectStoreException.Reason;
import io.minio.errors.ErrorResponseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads by sendfile against a real S3 endpoint (embedded S3Proxy): what is stored, and what is refused. */
class SendfilePutTest {

    @TempDir
    static Path dataDir;
    @TempDir
    Path work;

    private static EmbeddedS3 s3;
    private static MinioObjectStore store;

    @BeforeAll
    static void startS3() {
        s3 = new EmbeddedS3(dataDir, 0).start();
        store = new MinioObjectStore(s3.settings("segments"));
        store.ensureBucket();
    }

    @AfterAll
    static void stopS3() {
        store.close();
        s3.stop();
    }

    @Test
    void storesTheFileByteForByteWithItsMetadata() throws Exception {
        byte[] content = TestFiles.randomBytes(21, 20 * 1024 * 1024 + 3);
        Path file = TestFiles.write(work, "big.mp4", content);
        String key = "segments/cam-1/main/2026/11/24/13/1795000000000-7.mp4";

        String echoed;
        try (SendfilePut put = new SendfilePut(s3.settings("segments"), S3ClientOptions.defaults(), Clock.systemUTC());
             FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            echoed = put.put(key, in, content.length, TestFiles.sha256Hex(content), "video/mp4",
                    Map.of("sha256", TestFiles.sha256Hex(content), "camera", "cam-1"));
        }

        ObjectInfo info = store.stat(key);
        assertThat(info.sizeBytes()).isEqualTo(content.length);
        assertThat(info.sha256Hex()).contains(TestFiles.sha256Hex(content));
        assertThat(info.metadata()).containsEntry("camera", "cam-1");
        assertThat(info.etag()).isEqualTo(FileDigest.of(file).md5Hex());
        try (InputStream stored = store.get(key)) {
            assertThat(stored.readAllBytes()).isEqualTo(content);
        }
        assertThat(echoed).as("S3Proxy echoes no checksum it was not asked for").isNull();
    }

    @Test
    void aBodyOtherThanTheSignedHashIsRefusedByTheServer() throws Exception {
        byte[] content = TestFiles.randomBytes(22, 2 * 1024 * 1024);
        Path file = TestFiles.write(work, "claimed.mp4", content);
        String claimed = TestFiles.sha256Hex("another segment".getBytes());

        ErrorResponseException refused;
        try (SendfilePut put = new SendfilePut(s3.settings("segments"), S3ClientOptions.defaults(), Clock.systemUTC());
             FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            refused = catchThrowableOfType(ErrorResponseException.class,
                    () -> put.put("refused/claimed.mp4", in, content.length, claimed, "video/mp4", Map.of()));
        }

        assertThat(refused.errorResponse().code()).isEqualTo("XAmzContentSHA256Mismatch");
        assertThat(refused.response().code()).isEqualTo(400);
        assertThat(store.find("refused/claimed.mp4")).isEmpty();
    }

    @Test
    void aFileShorterThanDeclaredStoresNothing() throws Exception {
        byte[] content = TestFiles.randomBytes(23, 1024 * 1024);
        Path file = TestFiles.write(work, "short.mp4", content);

        Exception failed;
        try (SendfilePut put = new SendfilePut(s3.settings("segments"), S3ClientOptions.defaults(), Clock.systemUTC());
             FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            failed = catchThrowableOfType(Exception.class, () -> put.put("short/short.mp4", in, content.length + 4096,
                    TestFiles.sha256Hex(content), "video/mp4", Map.of()));
        }

        assertThat(failed).isInstanceOfAny(IOException.class, ErrorResponseException.class);
        assertThat(store.find("short/short.mp4")).isEmpty();
    }

    @Test
    void aMissingBucketIsNamedEvenWhenTheServerRefusesBeforeReadingTheBody() throws IOException {
        byte[] content = TestFiles.randomBytes(24, 24 * 1024 * 1024);
        Path file = TestFiles.write(work, "nowhere.mp4", content);
        MinioObjectStore nowhere = new MinioObjectStore(s3.settings("no-such-bucket"));

        ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class,
                () -> nowhere.put("a/nowhere.mp4", file, TestFiles.sha256Hex(content), Map.of()));

        assertThat(e.reason()).isEqualTo(Reason.BUCKET_NOT_FOUND);
        assertThat(e).hasMessageContaining("no-such-bucket").hasMessageContaining("NoSuchBucket");
        nowhere.close();
    }

    @Test
    void aWrongSecretOnALargeBodyIsAnAuthFailure() throws IOException {
        byte[] content = TestFiles.randomBytes(25, 24 * 1024 * 1024);
        Path file = TestFiles.write(work, "impostor.mp4", content);
        String wrongSecret = "WrongSecretWrongSecretWrongSecret0123456";
        MinioObjectStore impostor = new MinioObjectStore(new S3Settings(s3.endpoint(), EmbeddedS3.REGION, "segments",
                new S3Credentials(s3.accessKey(), wrongSecret)));

        ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class,
                () -> impostor.put("auth/impostor.mp4", file, TestFiles.sha256Hex(content), Map.of()));

        assertThat(e.reason()).isEqualTo(Reason.AUTH_FAILED);
        assertThat(TestFiles.fullText(e)).doesNotContain(wrongSecret).doesNotContain(s3.secretKey());
        assertThat(store.find("auth/impostor.mp4")).isEmpty();
        impostor.close();
    }

    @Test
    void aClosedPortIsUnreachableAndNamed() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        byte[] content = TestFiles.randomBytes(26, 4096);
        Path file = TestFiles.write(work, "closed.mp4", content);
        S3Settings closed = new S3Settings(URI.create("http://127.0.0.1:" + port), EmbeddedS3.REGION, "segments",
                new S3Credentials(s3.accessKey(), s3.secretKey()));
        MinioObjectStore gone = new MinioObjectStore(closed, S3ClientOptions.defaults()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));

        long start = System.nanoTime();
        ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class,
                () -> gone.put("closed/closed.mp4", file, TestFiles.sha256Hex(content), Map.of()));

        assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(e).hasMessageContaining("127.0.0.1:" + port);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        gone.close();
    }

    @Test
    void onlyPlainHttpEndpointsAreSentByFile() {
        S3Settings tls = new S3Settings(URI.create("https://s3.example.org"), EmbeddedS3.REGION, "segments",
                new S3Credentials(s3.accessKey(), s3.secretKey()));

        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new SendfilePut(tls, S3ClientOptions.defaults(), Clock.systemUTC())))
                .hasMessageContaining("https://s3.example.org");
    }
}
