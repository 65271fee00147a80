package id.pantau.storage.s3;

import java.net.URI;
import java.util.Objects;

/** Where the object store is and how to sign requests to it; {@link #toString()} hides the secret. */
public record S3Settings(URI endpoint, String region, String bucket, S3Credentials credentials) {

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket
                + ", accessKey=" + credentials.accessKey() + "]";
    }
}
