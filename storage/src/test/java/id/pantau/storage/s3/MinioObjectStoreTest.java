package id.pantau.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import id.pantau.storage.s3.ObjectStoreException.Reason;
import io.minio.errors.ErrorResponseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The MinIO SDK store against a real S3 endpoint (embedded S3Proxy). */
class MinioObjectStoreTest {

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
    void putStatGetRangeDeleteRoundTrip() throws IOException {
        byte[] content = TestFiles.randomBytes(1, 3 * 1024 * 1024 + 17);
        Path file = TestFiles.write(work, "seg.mp4", content);
        String key = "cam-1/main/2026/11/23/seg-0001.mp4";

        store.put(key, file, TestFiles.sha256Hex(content).toUpperCase(), Map.of("camera", "cam-1", "Run-Id", "42"));

        ObjectInfo info = store.stat(key);
        assertThat(info.key()).isEqualTo(key);
        assertThat(info.sizeBytes()).isEqualTo(content.length);
        assertThat(info.sha256Hex()).contains(TestFiles.sha256Hex(content));
        assertThat(info.metadata()).containsEntry("camera", "cam-1").containsEntry("run-id", "42");
        assertThat(info.etag()).isEqualTo(FileDigest.of(file).md5Hex());
        assertThat(info.lastModified()).isNotNull();

        try (InputStream whole = store.get(key)) {
            assertThat(whole.readAllBytes()).isEqualTo(content);
        }
        int offset = 1_000_003;
        int length = 65_537;
        try (InputStream range = store.getRange(key, offset, length)) {
            assertThat(range.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, offset, offset + length));
        }
        try (InputStream tail = store.getRange(key, content.length - 5, 100)) {
            assertThat(tail.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, content.length - 5, content.length));
        }

        store.delete(key);

        assertThatThrownBy(() -> store.stat(key)).isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining(key).hasMessageContaining("NOT_FOUND");
        assertThat(store.find(key)).isEmpty();
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(ObjectNotFoundException.class);
        store.delete(key); // deleting an absent key is not an error
    }

    @Test
    void listReturnsEveryObjectUnderPrefixAcrossPages() throws IOException {
        // a page size of 7 makes 23 objects span four listing pages
        MinioObjectStore paged = new MinioObjectStore(s3.settings("segments"),
                S3ClientOptions.defaults().withListPageSize(7));
        byte[] content = TestFiles.randomBytes(2, 1000);
        Path file = TestFiles.write(work, "small.bin", content);
        List<String> keys = IntStream.range(0, 23).mapToObj(i -> String.format("list/cam-2/%03d.bin", i)).toList();
        for (String key : keys) {
            paged.put(key, file, TestFiles.sha256Hex(content), Map.of());
        }
        paged.put("list/cam-3/other.bin", file, TestFiles.sha256Hex(content), Map.of());

        List<ObjectInfo> listed = paged.list("list/cam-2/");

        assertThat(listed).extracting(ObjectInfo::key).containsExactlyElementsOf(keys);
        assertThat(listed).allSatisfy(o -> assertThat(o.sizeBytes()).isEqualTo(content.length));
        assertThat(paged.list("list/")).hasSize(24);
        assertThat(paged.list("list/none/")).isEmpty();
        paged.close();
    }

    @ParameterizedTest(name = "sendfile {0}")
    @ValueSource(booleans = {true, false})
    void wrongSha256IsRefusedAndNothingIsStored(boolean sendfile) throws IOException {
        byte[] content = TestFiles.randomBytes(3, 4096);
        Path file = TestFiles.write(work, "claimed.bin", content);
        String wrong = TestFiles.sha256Hex("something else".getBytes());
        MinioObjectStore checked = new MinioObjectStore(s3.settings("segments"),
                S3ClientOptions.defaults().withSendfilePut(sendfile));

        ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class,
                () -> checked.put("mismatch/claimed.bin", file, wrong, Map.of()));
        checked.close();

        assertThat(e.reason()).isEqualTo(Reason.CHECKSUM_MISMATCH);
        assertThat(e).hasMessageContaining(wrong).hasMessageContaining(TestFiles.sha256Hex(content))
                .hasMessageContaining("XAmzContentSHA256Mismatch");
        assertThat(store.find("mismatch/claimed.bin")).isEmpty();
    }

    @ParameterizedTest(name = "sendfile {0}")
    @ValueSource(booleans = {true, false})
    void aSinglePutIsVerifiedByTheServerWithoutReadingTheFileHere(boolean sendfile) throws IOException {
        byte[] content = TestFiles.randomBytes(8, 300_000);
        Path file = TestFiles.write(work, "segment.mp4", content);
        FileHasher forbidden = (f, partSize) -> {
            throw new AssertionError("a single PUT must not hash " + f + " again");
        };
        MinioObjectStore signed = new MinioObjectStore(s3.settings("segments"),
                S3ClientOptions.defaults().withSendfilePut(sendfile), forbidden);

        signed.put("signed/segment.mp4", file, TestFiles.sha256Hex(content), Map.of("camera", "cam-1"));
        assertThat(signed.sendsByFile()).isEqualTo(sendfile);

        ObjectInfo info = signed.stat("signed/segment.mp4");
        assertThat(info.sizeBytes()).isEqualTo(content.length);
        assertThat(info.sha256Hex()).contains(TestFiles.sha256Hex(content));
        assertThat(info.metadata()).containsEntry("camera", "cam-1");
        try (InputStream in = signed.get("signed/segment.mp4")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        signed.close();
    }

    @Test
    void fileRewrittenAfterHashingIsDetectedAndTheObjectRemoved() throws IOException {
        long fiveMiB = 5L * 1024 * 1024;
        byte[] original = TestFiles.randomBytes(4, (int) (fiveMiB + 200_000));
        byte[] rewritten = TestFiles.randomBytes(5, original.length);
        Path file = TestFiles.write(work, "racy.mp4", original);
        // the fault: another writer replaces the file's bytes right after the store has hashed it
        FileHasher racyHasher = (f, partSize) -> {
            FileDigest digest = FileDigest.of(f, partSize);
            Files.write(f, rewritten);
            return digest;
        };
        MinioObjectStore racy = new MinioObjectStore(s3.settings("segments"),
                S3ClientOptions.defaults().withUploadSizes(fiveMiB, fiveMiB), racyHasher);

        ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class,
                () -> racy.put("mismatch/racy.mp4", file, TestFiles.sha256Hex(original), Map.of()));

        assertThat(e.reason()).isEqualTo(Reason.CHECKSUM_MISMATCH);
        assertThat(e).hasMessageContaining("CRC32C").hasMessageContaining("deleted");
        assertThat(store.find("mismatch/racy.mp4")).isEmpty();
        racy.close();
    }

    @Test
    void largeFilesGoUpInPartsAndAreVerifiedAgainstTheCompositeChecksum() throws IOException {
        long fiveMiB = 5L * 1024 * 1024;
        MinioObjectStore multipart = new MinioObjectStore(s3.settings("segments"),
                S3ClientOptions.defaults().withUploadSizes(fiveMiB, fiveMiB));
        byte[] content = TestFiles.randomBytes(7, (int) (2 * fiveMiB + 12_345));
        Path file = TestFiles.write(work, "export.mp4", content);

        multipart.put("evidence/export.mp4", file, TestFiles.sha256Hex(content), Map.of("case", "2026-117"));

        ObjectInfo info = multipart.stat("evidence/export.mp4");
        assertThat(info.sizeBytes()).isEqualTo(content.length);
        assertThat(info.etag()).isEqualTo(FileDigest.of(file, fiveMiB).multipartEtag()).endsWith("-3");
        try (InputStream in = multipart.get("evidence/export.mp4")) {
            assertThat(TestFiles.sha256Hex(in.readAllBytes())).isEqualTo(TestFiles.sha256Hex(content));
        }
        multipart.close();
    }

    @Test
    void missingFileIsALocalIoFailure() {
        ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class,
                () -> store.put("x/missing.bin", work.resolve("missing.bin"), "0".repeat(64), Map.of()));

        assertThat(e.reason()).isEqualTo(Reason.LOCAL_IO);
        assertThat(e).hasMessageContaining("missing.bin");
    }

    @Test
    void wrongSecretIsAnAuthFailureThatDoesNotRevealEitherSecret() throws IOException {
        byte[] content = TestFiles.randomBytes(6, 100);
        Path file = TestFiles.write(work, "auth.bin", content);
        String wrongSecret = "WrongSecretWrongSecretWrongSecret0123456";
        S3Settings bad = new S3Settings(s3.endpoint(), EmbeddedS3.REGION, "segments",
                new S3Credentials(s3.accessKey(), wrongSecret));
        MinioObjectStore impostor = new MinioObjectStore(bad);

        ObjectStoreException onPut = catchThrowableOfType(ObjectStoreException.class,
                () -> impostor.put("auth/a.bin", file, TestFiles.sha256Hex(content), Map.of()));
        ObjectStoreException onStat = catchThrowableOfType(ObjectStoreException.class, () -> impostor.stat("auth/a.bin"));
        ObjectStoreException onList = catchThrowableOfType(ObjectStoreException.class, () -> impostor.list("auth/"));

        for (ObjectStoreException e : List.of(onPut, onStat, onList)) {
            assertThat(e.reason()).isEqualTo(Reason.AUTH_FAILED);
            assertThat(e).hasMessageContaining("credentials rejected").hasMessageContaining(s3.endpoint().toString());
            assertThat(TestFiles.fullText(e)).doesNotContain(wrongSecret).doesNotContain(s3.secretKey());
        }
        assertThat(impostor.reachable()).isFalse();
        assertThat(impostor.toString()).doesNotContain(wrongSecret);
        impostor.close();
    }

    @Test
    void missingBucketIsReportedAsSuch() {
        MinioObjectStore nowhere = new MinioObjectStore(s3.settings("no-such-bucket"));

        ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class, () -> nowhere.list(""));

        assertThat(e.reason()).isEqualTo(Reason.BUCKET_NOT_FOUND);
        assertThat(e).hasMessageContaining("no-such-bucket");
        assertThat(nowhere.reachable()).isFalse();
        nowhere.close();
    }

    @Test
    void ensureBucketIsIdempotentAndCreatesMissingBuckets() {
        MinioObjectStore evidence = new MinioObjectStore(s3.settings("evidence"));
        assertThat(evidence.reachable()).isFalse();

        evidence.ensureBucket();
        evidence.ensureBucket();

        assertThat(evidence.reachable()).isTrue();
        assertThat(s3.objectsDir().resolve("evidence")).isDirectory();
        evidence.close();
    }

    /** Uploads by sendfile ({@link SendfilePut}): what is stored, and what is refused, named as the SDK would. */
    @Nested
    class BySendfile {

        private SendfilePut newPut() {
            return new SendfilePut(s3.settings("segments"), S3ClientOptions.defaults(), Clock.systemUTC());
        }

        @Test
        void storesTheFileByteForByteWithItsMetadata() throws Exception {
            byte[] content = TestFiles.randomBytes(21, 20 * 1024 * 1024 + 3);
            Path file = TestFiles.write(work, "big.mp4", content);
            String key = "segments/cam-1/main/2026/11/24/13/1795000000000-7.mp4";

            String echoed;
            try (SendfilePut put = newPut();
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
            try (SendfilePut put = newPut();
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
            try (SendfilePut put = newPut();
                 FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                failed = catchThrowableOfType(Exception.class, () -> put.put("short/short.mp4", in,
                        content.length + 4096, TestFiles.sha256Hex(content), "video/mp4", Map.of()));
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
            MinioObjectStore impostor = new MinioObjectStore(new S3Settings(s3.endpoint(), EmbeddedS3.REGION,
                    "segments", new S3Credentials(s3.accessKey(), wrongSecret)));

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
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                            Duration.ofSeconds(1)));

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
}
