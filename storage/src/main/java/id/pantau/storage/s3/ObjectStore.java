package id.pantau.storage.s3;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An S3-style bucket holding segment and evidence objects; every failure is an {@link ObjectStoreException}. */
public interface ObjectStore {

    /** User metadata key under which {@link #put} records the object's SHA-256 (lower-case hex). */
    String SHA256_METADATA_KEY = "sha256";

    /**
     * Uploads {@code file} as {@code key} and verifies the stored object afterwards.
     *
     * @param sha256Hex the SHA-256 the caller believes the file has (hex, any case); a file whose content does
     *     not hash to it is refused before anything is sent
     * @param metadata user metadata (US-ASCII keys and values); {@value #SHA256_METADATA_KEY} is added
     * @throws ObjectStoreException with reason {@link ObjectStoreException.Reason#CHECKSUM_MISMATCH} when the
     *     file or the stored object does not match; a mismatching stored object is deleted again
     */
    void put(String key, Path file, String sha256Hex, Map<String, String> metadata);

    /** Size, ETag and user metadata of an object; throws {@link ObjectNotFoundException} if it is absent. */
    ObjectInfo stat(String key);

    /** Like {@link #stat} but empty instead of throwing when the object is absent. */
    default Optional<ObjectInfo> find(String key) {
        try {
            return Optional.of(stat(key));
        } catch (ObjectNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The whole object; the caller closes the stream. */
    InputStream get(String key);

    /** {@code lengthBytes} bytes starting at {@code offsetBytes} (fewer if the object ends first). */
    InputStream getRange(String key, long offsetBytes, long lengthBytes);

    /** Every object whose key starts with {@code prefix}, in key order, across all listing pages. */
    List<ObjectInfo> list(String prefix);

    /**
     * One level below {@code prefix} (which ends in "/"): the sub-prefixes ("folders", each ending in "/") and the
     * objects directly under it, each in key order. Lets a caller walk a large bucket part by part.
     */
    ObjectLevel listLevel(String prefix);

    /** What {@link #listLevel} found. */
    record ObjectLevel(List<String> prefixes, List<ObjectInfo> objects) {
    }

    /** Removes an object; removing an absent key is not an error (S3 semantics). */
    void delete(String key);

    /** Cheap health check: whether the bucket answers within a short timeout. Never throws. */
    boolean reachable();

    /** Name of the bucket this store writes to. */
    String bucket();
}
