package id.pantau.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import id.pantau.storage.s3.ObjectStoreException.Reason;
import io.minio.BucketExistsArgs;
import io.minio.Checksum;
import io.minio.GetObjectArgs;
import io.minio.Http;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectAPIArgs;
import io.minio.ObjectWriteResponse;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ObjectStore} over the MinIO Java SDK; works with MinIO, AWS S3 and S3Proxy.
 *
 * <p>How {@link #put} makes sure the stored object is the file without hashing it again (the caller's SHA-256
 * was computed while the file was written, and a recorder uploads every byte it records):
 * <ul>
 *   <li>Files up to {@link S3ClientOptions#singlePutMaxBytes()} go up in one streamed PUT signed with the
 *       caller's SHA-256 as {@code x-amz-content-sha256}. The server hashes the body it receives and refuses it
 *       ({@code XAmzContentSHA256Mismatch}) unless it is exactly the file the caller hashed, so a spool file
 *       damaged or changed since it was written is never stored. MinIO, AWS S3 and S3Proxy all check this.
 *       Only on that refusal is the file hashed locally, to name both hashes in the error. To a plain-http
 *       endpoint the body goes from the file to the socket by sendfile ({@link SendfilePut}), to https through
 *       the SDK's client.</li>
 *   <li>Larger files go up in parts. They are hashed locally in one read first (SHA-256, MD5 and CRC32C,
 *       whole and per part; a SHA-256 other than the caller's is refused before anything is sent), the SDK
 *       adds {@code x-amz-checksum-crc32c} per part, and the composite CRC32C the server echoes (or the
 *       multipart ETag) must equal the local one.</li>
 *   <li>A HEAD must then show the local size and the {@code sha256} user metadata.</li>
 * </ul>
 * A stored object that fails a check is deleted and the put throws {@link Reason#CHECKSUM_MISMATCH}.
 */
public final class MinioObjectStore implements ObjectStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MinioObjectStore.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MD5_ETAG = Pattern.compile("[0-9a-f]{32}(-[0-9]+)?");

    private final S3Settings settings;
    private final S3ClientOptions options;
    private final OkHttpClient http;
    private final MinioClient client;
    private final MinioAsyncClient signedPutClient;
    private final MinioClient healthClient;
    private final MinioErrors errors;
    private final FileHasher hasher;
    private final SendfilePut sendfilePut;

    public MinioObjectStore(S3Settings settings) {
        this(settings, S3ClientOptions.defaults());
    }

    /** Creates the client; makes no network call. */
    public MinioObjectStore(S3Settings settings, S3ClientOptions options) {
        this(settings, options, FileDigest::of);
    }

    MinioObjectStore(S3Settings settings, S3ClientOptions options, FileHasher hasher) {
        this.settings = settings;
        this.hasher = hasher;
        this.options = options;
        this.errors = new MinioErrors(settings);
        this.sendfilePut = options.sendfilePut() && SendfilePut.supports(settings)
                ? new SendfilePut(settings, options, Clock.systemUTC()) : null;
        this.http = httpClient(options);
        this.client = newClient(settings, http);
        // the async client exposes the plain PutObject call, which takes a precomputed payload SHA-256
        this.signedPutClient = MinioAsyncClient.builder()
                .endpoint(settings.endpoint().toString())
                .region(settings.region())
                .credentials(settings.credentials().accessKey(), settings.credentials().secretKey())
                .httpClient(http, false)
                .build();
        // shares the connection pool; the call timeout bounds the whole health check, retries included
        this.healthClient = newClient(settings, http.newBuilder()
                .callTimeout(options.healthCheckTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectTimeout(options.healthCheckTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build());
    }

    /**
     * The SDK's default HTTP client, which keeps its retry-on-503 interceptor and HTTP/1.1 pinning, with the
     * 5-minute timeouts replaced so that an unreachable endpoint fails in seconds.
     */
    static OkHttpClient httpClient(S3ClientOptions options) {
        return Http.newDefaultClient().newBuilder()
                .connectTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(options.writeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    static MinioClient newClient(S3Settings settings, OkHttpClient httpClient) {
        return MinioClient.builder()
                .endpoint(settings.endpoint().toString())
                .region(settings.region())
                .credentials(settings.credentials().accessKey(), settings.credentials().secretKey())
                .httpClient(httpClient, false)
                .build();
    }

    /** Whether single PUTs go out by sendfile (a plain-http endpoint and the option on). */
    boolean sendsByFile() {
        return sendfilePut != null;
    }

    /** Creates the bucket unless it exists. */
    public void ensureBucket() {
        try {
            if (client.bucketExists(BucketExistsArgs.builder().bucket(bucket()).build())) {
                return;
            }
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket()).build());
            log.info("created bucket '{}' at {}", bucket(), settings.endpoint());
        } catch (ErrorResponseException e) {
            if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                throw errors.translate("create bucket", null, e);
            }
        } catch (Exception e) {
            throw errors.translate("create bucket", null, e);
        }
    }

    @Override
    public void put(String key, Path file, String sha256Hex, Map<String, String> metadata) {
        String expected = sha256Hex.toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(expected).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex string: " + sha256Hex);
        }
        Map<String, String> userMetadata = new HashMap<>(metadata);
        userMetadata.put(SHA256_METADATA_KEY, expected);
        long sizeBytes = sizeOf(file);
        if (sizeBytes <= options.singlePutMaxBytes()) {
            putSigned(key, file, sizeBytes, expected, userMetadata);
        } else {
            putInParts(key, file, expected, userMetadata);
        }
    }

    /** One PUT whose signature carries the file's SHA-256: the server verifies the content, we never re-read it. */
    private void putSigned(String key, Path file, long sizeBytes, String sha256Hex, Map<String, String> userMetadata) {
        RandomAccessFile in;
        try {
            in = new RandomAccessFile(file.toFile(), "r");
        } catch (IOException e) {
            throw new ObjectStoreException(Reason.LOCAL_IO, "cannot read " + file + ": " + e, e);
        }
        String echoedSha256;
        try (in) {
            echoedSha256 = sendfilePut != null
                    ? sendfilePut.put(key, in.getChannel(), sizeBytes, sha256Hex, ContentTypes.forKey(key),
                            userMetadata)
                    : putThroughSdk(key, in, sizeBytes, sha256Hex, userMetadata);
        } catch (Exception e) {
            ObjectStoreException failure = errors.translate("put", key, e instanceof CompletionException
                    && e.getCause() != null ? e.getCause() : e);
            if (failure.reason() == Reason.CHECKSUM_MISMATCH) {
                throw new ObjectStoreException(Reason.CHECKSUM_MISMATCH, "file " + file + " was refused by the "
                        + "server: it has SHA-256 " + digest(file, Long.MAX_VALUE).sha256Hex() + " but " + sha256Hex
                        + " was expected; nothing stored as '" + key + "' (" + failure.getMessage() + ")", failure);
            }
            throw failure;
        }
        failIfMismatched(key, echoedSha256Mismatch(echoedSha256, sha256Hex)
                .or(() -> storedMismatch(key, sizeBytes, sha256Hex)));
    }

    /** The SDK's PUT, reading the file through OkHttp (https, or sendfile off). @return the echoed SHA-256 or null */
    private String putThroughSdk(String key, RandomAccessFile in, long sizeBytes, String sha256Hex,
            Map<String, String> userMetadata) {
        Http.Headers headers = new Http.Headers();
        headers.set(Http.Headers.X_AMZ_CONTENT_SHA256, sha256Hex);
        userMetadata.forEach((name, value) -> headers.set("x-amz-meta-" + name, value));
        return signedPutClient.putObject(PutObjectAPIArgs.builder()
                .bucket(bucket())
                .object(key)
                .file(in, sizeBytes)
                .headers(headers)
                .contentType(ContentTypes.forKey(key))
                .build()).join().checksumSHA256();
    }

    private static Optional<String> echoedSha256Mismatch(String echoed, String sha256Hex) {
        if (echoed == null || echoed.isEmpty()) {
            return Optional.empty();
        }
        String expected = Checksum.base64String(Checksum.hexStringToSum(sha256Hex));
        return echoed.equals(expected) ? Optional.empty()
                : Optional.of("server reports SHA-256 " + echoed + ", expected " + expected);
    }

    private void putInParts(String key, Path file, String expected, Map<String, String> userMetadata) {
        FileDigest local = digest(file, options.partSizeBytes());
        if (!local.sha256Hex().equals(expected)) {
            throw new ObjectStoreException(Reason.CHECKSUM_MISMATCH, "file " + file + " has SHA-256 "
                    + local.sha256Hex() + " but " + expected + " was expected; nothing uploaded as '" + key + "'");
        }
        ObjectWriteResponse written = uploadInParts(key, file, userMetadata);
        failIfMismatched(key, contentMismatch(key, local, written)
                .or(() -> storedMismatch(key, local.sizeBytes(), local.sha256Hex())));
    }

    /** A stored object that failed verification is deleted, and the put fails naming what did not match. */
    private void failIfMismatched(String key, Optional<String> mismatch) {
        if (mismatch.isPresent()) {
            throw new ObjectStoreException(Reason.CHECKSUM_MISMATCH, "verification of '" + key + "' in bucket '"
                    + bucket() + "' failed: " + mismatch.get() + "; " + deleteUnverified(key));
        }
    }

    private ObjectWriteResponse uploadInParts(String key, Path file, Map<String, String> userMetadata) {
        try {
            return client.uploadObject(UploadObjectArgs.builder()
                    .bucket(bucket())
                    .object(key)
                    .filename(file.toString(), options.partSizeBytes())
                    .contentType(ContentTypes.forKey(key))
                    .userMetadata(userMetadata)
                    .checksum(Checksum.Algorithm.CRC32C)
                    .build());
        } catch (Exception e) {
            throw errors.translate("put", key, e);
        }
    }

    /** Size and {@code sha256} metadata of the stored object, by HEAD. */
    private Optional<String> storedMismatch(String key, long sizeBytes, String sha256Hex) {
        ObjectInfo stored = stat(key);
        if (stored.sizeBytes() != sizeBytes) {
            return Optional.of("stored size " + stored.sizeBytes() + " bytes, file has " + sizeBytes);
        }
        if (!sha256Hex.equals(stored.sha256Hex().orElse(null))) {
            return Optional.of("stored sha256 metadata " + stored.sha256Hex().orElse("(none)") + ", expected "
                    + sha256Hex);
        }
        return Optional.empty();
    }

    /** Whether the server's checksum of the parts (or the multipart ETag) matches the local file's. */
    private Optional<String> contentMismatch(String key, FileDigest local, ObjectWriteResponse written) {
        String serverCrc = written.checksumCRC32C();
        if (serverCrc != null && !serverCrc.isEmpty()) {
            // servers report a multipart CRC either over the whole object or as a composite of part CRCs ("-N")
            String expectedCrc = serverCrc.contains("-") ? local.compositeCrc32c() : local.crc32cBase64();
            return serverCrc.equals(expectedCrc) ? Optional.empty()
                    : Optional.of("server computed CRC32C " + serverCrc + ", file has " + expectedCrc);
        }
        String etag = unquote(written.etag());
        String expectedEtag = local.multipartEtag();
        if (etag != null && MD5_ETAG.matcher(etag).matches()) {
            return etag.equals(expectedEtag) ? Optional.empty()
                    : Optional.of("ETag " + etag + " is not the file's " + expectedEtag);
        }
        log.warn("cannot verify content of '{}': server returned neither a CRC32C nor an MD5 ETag ({}); "
                + "relying on size and metadata", key, etag);
        return Optional.empty();
    }

    /** Removes an object that failed verification; says what happened, for the exception message. */
    private String deleteUnverified(String key) {
        try {
            delete(key);
            return "object deleted";
        } catch (ObjectStoreException e) {
            log.warn("could not delete unverified object '{}': {}", key, e.getMessage());
            return "the object could not be deleted and remains (" + e.reason() + ")";
        }
    }

    @Override
    public ObjectInfo stat(String key) {
        try {
            StatObjectResponse head = client.statObject(StatObjectArgs.builder().bucket(bucket()).object(key).build());
            return new ObjectInfo(key, head.size(), unquote(head.etag()), instant(head.lastModified()),
                    lowerCaseKeys(head.userMetadata()));
        } catch (Exception e) {
            throw errors.translate("stat", key, e);
        }
    }

    @Override
    public InputStream get(String key) {
        try {
            return client.getObject(GetObjectArgs.builder().bucket(bucket()).object(key).build());
        } catch (Exception e) {
            throw errors.translate("get", key, e);
        }
    }

    @Override
    public InputStream getRange(String key, long offsetBytes, long lengthBytes) {
        if (offsetBytes < 0 || lengthBytes <= 0) {
            throw new IllegalArgumentException("bad range: offset " + offsetBytes + ", length " + lengthBytes);
        }
        try {
            return client.getObject(GetObjectArgs.builder().bucket(bucket()).object(key)
                    .offset(offsetBytes).length(lengthBytes).build());
        } catch (Exception e) {
            throw errors.translate("get range of", key, e);
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        return walk(prefix, true).objects();
    }

    @Override
    public ObjectLevel listLevel(String prefix) {
        return walk(prefix, false);
    }

    /** Every listing page under {@code prefix}: all objects below it, or one level (sub-prefixes and objects). */
    private ObjectLevel walk(String prefix, boolean recursive) {
        ListObjectsArgs.Builder args = ListObjectsArgs.builder().bucket(bucket()).prefix(prefix).recursive(recursive)
                .maxKeys(options.listPageSize());
        if (!recursive) {
            args.delimiter("/");
        }
        List<String> prefixes = new ArrayList<>();
        List<ObjectInfo> objects = new ArrayList<>();
        try {
            // the iterable fetches the next page whenever the current one is used up
            for (Result<Item> result : client.listObjects(args.build())) {
                Item item = result.get();
                if (item.isDir()) {
                    prefixes.add(item.objectName());
                } else {
                    objects.add(new ObjectInfo(item.objectName(), item.size(), unquote(item.etag()),
                            instant(item.lastModified()), Map.of()));
                }
            }
        } catch (Exception e) {
            throw errors.translate(recursive ? "list prefix" : "list level", prefix, e);
        }
        return new ObjectLevel(List.copyOf(prefixes), objects);
    }

    @Override
    public void delete(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket()).object(key).build());
        } catch (Exception e) {
            throw errors.translate("delete", key, e);
        }
    }

    @Override
    public boolean reachable() {
        try {
            return healthClient.bucketExists(BucketExistsArgs.builder().bucket(bucket()).build());
        } catch (Exception e) {
            log.debug("health check of {} failed: {}", settings.endpoint(), e.toString());
            return false;
        }
    }

    @Override
    public String bucket() {
        return settings.bucket();
    }

    public S3Settings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (sendfilePut != null) {
            sendfilePut.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private FileDigest digest(Path file, long partSizeBytes) {
        try {
            return hasher.digest(file, partSizeBytes);
        } catch (IOException e) {
            throw new ObjectStoreException(Reason.LOCAL_IO, "cannot read " + file + ": " + e, e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ObjectStoreException(Reason.LOCAL_IO, "cannot read " + file + ": " + e, e);
        }
    }

    private static Map<String, String> lowerCaseKeys(Http.Headers headers) {
        Map<String, String> map = new HashMap<>();
        if (headers != null) {
            for (Map.Entry<String, String> entry : headers) {
                map.putIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue());
            }
        }
        return map;
    }

    private static Instant instant(ZonedDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }

    @Override
    public String toString() {
        return "MinioObjectStore[" + settings + "]";
    }
}
