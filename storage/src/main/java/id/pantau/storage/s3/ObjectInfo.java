package id.pantau.storage.s3;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the store knows about one object. {@code metadata} has lower-case keys and is empty for listings
 * (S3 listings do not carry user metadata); {@code lastModified} may be null if the server omits it.
 */
public record ObjectInfo(String key, long sizeBytes, String etag, Instant lastModified, Map<String, String> metadata) {

    public ObjectInfo {
        metadata = Map.copyOf(metadata);
    }

    /** The SHA-256 recorded by {@link ObjectStore#put}, if present. */
    public Optional<String> sha256Hex() {
        return Optional.ofNullable(metadata.get(ObjectStore.SHA256_METADATA_KEY));
    }
}
