package id.pantau.storage.s3;

import java.time.Duration;

/**
 * Network and upload knobs of {@link MinioObjectStore}.
 *
 * @param connectTimeout how long to wait for a TCP connection; bounds how fast an unreachable endpoint fails
 * @param readTimeout longest silence while waiting for response bytes
 * @param writeTimeout longest stall while sending request bytes
 * @param healthCheckTimeout whole-call limit of {@link ObjectStore#reachable()}
 * @param listPageSize keys per listing request (S3 allows at most 1000)
 * @param singlePutMaxBytes files up to this size go up in one PUT, larger ones in parts. S3Proxy holds a whole
 *     signed request body in memory and refuses bodies over 128 MiB, so keep this well below that when the
 *     embedded store is used
 * @param partSizeBytes part size of multipart uploads; the MinIO SDK buffers each part in memory
 * @param sendfilePut single PUTs to a plain-http endpoint send the file by sendfile ({@link SendfilePut})
 *     instead of through the SDK's client; https endpoints always use the SDK
 */
public record S3ClientOptions(
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout,
        Duration healthCheckTimeout,
        int listPageSize,
        long singlePutMaxBytes,
        long partSizeBytes,
        boolean sendfilePut) {

    /** S3 limits: parts and single PUTs between 5 MiB (except the last part) and 5 GiB. */
    static final long MIN_PART_BYTES = 5L * 1024 * 1024;
    static final long MAX_PART_BYTES = 5L * 1024 * 1024 * 1024;

    public S3ClientOptions {
        if (listPageSize < 1 || listPageSize > 1000) {
            throw new IllegalArgumentException("listPageSize must be 1..1000: " + listPageSize);
        }
        if (singlePutMaxBytes < MIN_PART_BYTES || singlePutMaxBytes > MAX_PART_BYTES) {
            throw new IllegalArgumentException("singlePutMaxBytes must be 5 MiB..5 GiB: " + singlePutMaxBytes);
        }
        if (partSizeBytes < MIN_PART_BYTES || partSizeBytes > MAX_PART_BYTES) {
            throw new IllegalArgumentException("partSizeBytes must be 5 MiB..5 GiB: " + partSizeBytes);
        }
    }

    /**
     * An unreachable endpoint fails within about 3 s, health checks within 2 s; one PUT up to 64 MiB
     * (a minute of even 8 Mbit/s video), 16 MiB parts above that; single PUTs to plain http by sendfile.
     */
    public static S3ClientOptions defaults() {
        return new S3ClientOptions(Duration.ofSeconds(3), Duration.ofSeconds(20), Duration.ofSeconds(20),
                Duration.ofSeconds(2), 1000, 64L * 1024 * 1024, 16L * 1024 * 1024, true);
    }

    public S3ClientOptions withListPageSize(int keys) {
        return new S3ClientOptions(connectTimeout, readTimeout, writeTimeout, healthCheckTimeout, keys,
                singlePutMaxBytes, partSizeBytes, sendfilePut);
    }

    public S3ClientOptions withUploadSizes(long singlePutMax, long partSize) {
        return new S3ClientOptions(connectTimeout, readTimeout, writeTimeout, healthCheckTimeout, listPageSize,
                singlePutMax, partSize, sendfilePut);
    }

    public S3ClientOptions withTimeouts(Duration connect, Duration read, Duration write, Duration healthCheck) {
        return new S3ClientOptions(connect, read, write, healthCheck, listPageSize, singlePutMaxBytes,
                partSizeBytes, sendfilePut);
    }

    public S3ClientOptions withSendfilePut(boolean enabled) {
        return new S3ClientOptions(connectTimeout, readTimeout, writeTimeout, healthCheckTimeout, listPageSize,
                singlePutMaxBytes, partSizeBytes, enabled);
    }
}
