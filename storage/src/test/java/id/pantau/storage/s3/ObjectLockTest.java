package id.pantau.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.messages.RetentionMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object lock against the embedded endpoint (S3Proxy), which has no object lock: the bucket is still created
 * and usable, the probe says plainly that nothing is locked, and locking an object fails loudly.
 */
class ObjectLockTest {

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedEndpointSaysItCannotLockObjects() throws Exception {
        try (EmbeddedS3 s3 = new EmbeddedS3(dataDir, 0).start();
             ObjectLock lock = new ObjectLock(s3.settings("evidence"), S3ClientOptions.defaults());
             MinioObjectStore store = new MinioObjectStore(s3.settings("evidence"))) {
            ObjectLock.Support support = lock.prepareBucket();

            assertThat(support.supported()).isFalse();
            assertThat(support.detail()).contains("does not enforce Object Lock").contains("'evidence'");
            assertThat(store.reachable()).as("the bucket exists").isTrue();
            byte[] content = TestFiles.randomBytes(3, 1000);
            store.put("p/1.zip", TestFiles.write(dataDir, "1.zip", content), TestFiles.sha256Hex(content), Map.of());
            assertThatThrownBy(() -> lock.lock("p/1.zip", RetentionMode.GOVERNANCE,
                    Instant.now().plusSeconds(3600), true)).isInstanceOf(ObjectStoreException.class)
                    .hasMessageContaining("lock 'p/1.zip'");
            assertThat(lock.prepareBucket()).as("a second start finds the bucket").isEqualTo(support);
        }
    }
}
