package id.pantau.storage.s3;

import java.time.Instant;
import java.time.ZoneOffset;

import io.minio.BucketExistsArgs;
import io.minio.EnableObjectLegalHoldArgs;
import io.minio.GetObjectLockConfigurationArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.SetObjectRetentionArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3 Object Lock on one bucket (write once, read many): creates the bucket with object lock enabled, finds out
 * whether the server really enforces it, and locks objects with a retention date and a legal hold. MinIO and AWS
 * support it; S3Proxy (the embedded endpoint) does not, which {@link #prepareBucket()} reports rather than hides.
 */
public final class ObjectLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ObjectLock.class);

    private final S3Settings settings;
    private final OkHttpClient http;
    private final MinioClient client;
    private final MinioErrors errors;

    /** Whether objects in the bucket can be locked, and in words why or why not. */
    public record Support(boolean supported, String detail) {
    }

    public ObjectLock(S3Settings settings, S3ClientOptions options) {
        this.settings = settings;
        this.errors = new MinioErrors(settings);
        this.http = MinioObjectStore.httpClient(options);
        this.client = MinioObjectStore.newClient(settings, http);
    }

    /**
     * Creates the bucket with object lock enabled unless it exists (falling back to a plain bucket where the
     * server refuses the lock), then asks the server for the bucket's lock configuration.
     */
    public Support prepareBucket() {
        String bucket = settings.bucket();
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                create(bucket);
            }
        } catch (Exception e) {
            throw errors.translate("prepare bucket", null, e);
        }
        return probe();
    }

    private void create(String bucket) throws Exception {
        try {
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).objectLock(true).build());
            log.info("created bucket '{}' with object lock at {}", bucket, settings.endpoint());
        } catch (ErrorResponseException e) {
            String code = e.errorResponse() == null ? "" : e.errorResponse().code();
            if ("BucketAlreadyOwnedByYou".equals(code)) {
                return;
            }
            log.warn("{} refused a bucket with object lock ({}); creating '{}' without", settings.endpoint(), code,
                    bucket);
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        }
    }

    /** Asks for the bucket's object lock configuration; any refusal means objects cannot be locked. */
    public Support probe() {
        try {
            client.getObjectLockConfiguration(GetObjectLockConfigurationArgs.builder().bucket(settings.bucket())
                    .build());
            return new Support(true, "bucket '" + settings.bucket() + "' has S3 Object Lock enabled");
        } catch (ErrorResponseException e) {
            String code = e.errorResponse() == null || e.errorResponse().code() == null ? "HTTP "
                    + (e.response() == null ? "?" : e.response().code()) : e.errorResponse().code();
            return new Support(false, "the S3 server does not enforce Object Lock on bucket '" + settings.bucket()
                    + "' (" + code + ")");
        } catch (Exception e) {
            throw errors.translate("get object lock configuration of", null, e);
        }
    }

    /** Locks an object: retention in {@code mode} until {@code retainUntil}, plus a legal hold when asked. */
    public void lock(String key, RetentionMode mode, Instant retainUntil, boolean legalHold) {
        try {
            client.setObjectRetention(SetObjectRetentionArgs.builder().bucket(settings.bucket()).object(key)
                    .config(new Retention(mode, retainUntil.atZone(ZoneOffset.UTC))).build());
            if (legalHold) {
                client.enableObjectLegalHold(EnableObjectLegalHoldArgs.builder().bucket(settings.bucket())
                        .object(key).build());
            }
        } catch (Exception e) {
            throw errors.translate("lock", key, e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
