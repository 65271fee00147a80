package id.pantau.web.evidence;

import id.pantau.storage.s3.ObjectLock;
import id.pantau.storage.s3.ObjectStore;
import id.pantau.storage.s3.ObjectStoreException;
import io.minio.messages.RetentionMode;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence bucket: packages go in whole and, where the S3 server enforces Object Lock, are locked with a
 * retention date (and a legal hold) at once. Where it does not (the embedded endpoint), {@link #protection()} says
 * so in plain words, for the UI and the manifest.
 */
public class EvidenceStore implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EvidenceStore.class);

  private final ObjectStore store;
  private final ObjectLock lock;
  private final RetentionMode mode;
  private final Duration retention;
  private final boolean legalHold;
  private final Clock clock;
  private volatile Protection protection;

  /** Whether stored packages are write-protected, and how, in words. */
  public record Protection(boolean locked, String detail) {}

  public EvidenceStore(ObjectStore store, ObjectLock lock, RetentionMode mode, Duration retention, boolean legalHold,
      Clock clock) {
    this.store = store;
    this.lock = lock;
    this.mode = mode;
    this.retention = retention;
    this.legalHold = legalHold;
    this.clock = clock;
  }

  /** Creates the bucket if needed and finds out whether packages can be locked (asked once, then remembered). */
  public Protection protection() {
    Protection p = protection;
    if (p == null) {
      ObjectLock.Support support;
      try {
        support = lock.prepareBucket();
      } catch (ObjectStoreException e) {
        // not remembered: asked again once the endpoint answers
        return new Protection(false, "unknown: the evidence bucket cannot be reached (" + e.getMessage() + ")");
      }
      p = support.supported()
          ? new Protection(true, "S3 Object Lock: " + mode + " retention for " + retention.toDays() + " days"
              + (legalHold ? " and a legal hold" : "") + " (bucket '" + store.bucket() + "')")
          : new Protection(false, "not write-protected: " + support.detail());
      if (!p.locked()) {
        log.warn("evidence packages are {}", p.detail());
      }
      protection = p;
    }
    return p;
  }

  /** Stores a package and locks it where possible; returns what now protects it, in words. */
  public String put(String key, Path file, String sha256, Map<String, String> metadata) {
    Protection p = protection();
    store.put(key, file, sha256, metadata);
    if (!p.locked()) {
      return p.detail();
    }
    Instant until = clock.instant().plus(retention);
    lock.lock(key, mode, until, legalHold);
    return "S3 Object Lock: " + mode + " retention until " + until + (legalHold ? " and a legal hold" : "");
  }

  public InputStream get(String key) {
    return store.get(key);
  }

  public String bucket() {
    return store.bucket();
  }

  @Override
  public void close() throws Exception {
    lock.close();
    if (store instanceof AutoCloseable c) {
      c.close();
    }
  }
}
