package id.pantau.storage.check;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.index.IndexDatabase;
import id.pantau.storage.index.ObjectKeys;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.index.SegmentRow;
import id.pantau.storage.s3.EmbeddedS3;
import id.pantau.storage.s3.MinioObjectStore;
import id.pantau.storage.s3.ObjectStore;
import id.pantau.storage.secret.SecretCipher;
import id.pantau.storage.testbed.StorageTestbed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The camera-by-camera consistency check against the real embedded S3 endpoint and a real H2 index. */
class ConsistencyCheckTest {
  static final long START = Instant.parse("2026-11-23T00:00:00Z").toEpochMilli();

  @TempDir Path dir;
  StorageTestbed testbed;
  EmbeddedS3 s3;
  MinioObjectStore store;
  IndexDatabase db;
  SegmentIndex index;

  @BeforeEach
  void start() {
    testbed = new StorageTestbed(dir);
    s3 = testbed.s3;
    store = testbed.store;
    db = testbed.db;
    index = testbed.index;
    CameraRepository cameras = new CameraRepository(db.dataSource(), SecretCipher.load(null, dir.resolve("k")),
        Clock.systemUTC());
    for (String id : new String[] {"a", "b"}) {
      cameras.save(new Camera(id, null, null, null, "rtsp://10.0.0.1/" + id, null, null, null, null, true, 10, null));
    }
  }

  @AfterEach
  void stop() {
    testbed.close();
  }

  @Test
  void findsEachKindOfProblemInItsCameraFolderAndOutside() throws Exception {
    long runA = index.insertRun(UUID.randomUUID(), "a", "main", START, "h264", 1280, 720, "FIRST");
    long runB = index.insertRun(UUID.randomUUID(), "b", "main", START, "h264", 1280, 720, "FIRST");
    String good = indexed("a", runA, START, 1000, 1000);
    String lost = indexed("a", runA, START + 60_000, 1000, 1000);
    store.delete(lost);
    String resized = indexed("b", runB, START, 1000, 900);
    String goodB = indexed("b", runB, START + 60_000, 1000, 1000);
    String orphanA = ObjectKeys.segment("a", "main", START + 120_000, runA);
    upload(orphanA, 10);
    String queued = ObjectKeys.segment("a", "main", START + 180_000, runA);
    upload(queued, 10);
    index.jdbc().update("insert into garbage (object_key, camera_id, queued_wall_ms) values (?,?,?)", queued, "a",
        START);
    String ghost = ObjectKeys.segment("ghost", "main", START, 7);
    upload(ghost, 10);
    String stray = "segments/stray.mp4";
    upload(stray, 10);

    ConsistencyCheck.Report report = new ConsistencyCheck(index, store).run();

    assertThat(report.rows()).isEqualTo(4);
    assertThat(report.objects()).isEqualTo(7);
    assertThat(report.rowsWithoutObject()).containsExactly(lost);
    assertThat(report.sizeMismatches()).containsExactly(resized + " (index 900 bytes, object 1000 bytes)");
    assertThat(report.objectsWithoutRow()).containsExactly(orphanA, ghost, stray);
    assertThat(report.pendingGarbage()).containsExactly(queued);
    assertThat(report.inFlight()).isEmpty();
    assertThat(report.consistent()).isFalse();
    assertThat(report.summary()).startsWith("4 index rows, 7 objects: 1 rows without object, 3 objects without"
        + " row, 1 size mismatches, 1 objects awaiting deletion, 0 uploads in flight -> INCONSISTENT");
    assertThat(good).isNotEqualTo(goodB);
  }

  @Test
  void aRunningSystemsFreshObjectIsInFlightAndACleanBucketIsConsistent() throws Exception {
    long run = index.insertRun(UUID.randomUUID(), "a", "main", START, "h264", 1280, 720, "FIRST");
    indexed("a", run, START, 1000, 1000);
    String uploading = ObjectKeys.segment("a", "main", START + 60_000, run);

    assertThat(new ConsistencyCheck(index, store).run().consistent()).isTrue();

    upload(uploading, 10);
    ConsistencyCheck.Report running = new ConsistencyCheck(index, store, Instant.now().minusSeconds(600)).run();
    assertThat(running.inFlight()).containsExactly(uploading);
    assertThat(running.consistent()).isTrue();
    assertThat(new ConsistencyCheck(index, store).run().objectsWithoutRow()).containsExactly(uploading);
  }

  @Test
  void listsOneLevelOfTheBucket() throws Exception {
    upload("segments/a/main/x.mp4", 1);
    upload("segments/b/main/y.mp4", 1);
    upload("segments/top.mp4", 3);

    ObjectStore.ObjectLevel level = store.listLevel("segments/");

    assertThat(level.prefixes()).containsExactly("segments/a/", "segments/b/");
    assertThat(level.objects()).extracting(o -> o.key() + ":" + o.sizeBytes()).containsExactly("segments/top.mp4:3");
  }

  /** Stores an object of {@code size} bytes and indexes it as {@code indexedBytes} bytes. */
  private String indexed(String camera, long run, long startMs, int size, int indexedBytes) throws Exception {
    String key = ObjectKeys.segment(camera, "main", startMs, run);
    String sha = upload(key, size);
    index.insertSegment(new SegmentRow(0, camera, run, "main", startMs, startMs + 60_000, 0, 5_400_000, 1500,
        indexedBytes, sha, key, "", false));
    return key;
  }

  private String upload(String key, int size) throws Exception {
    Path f = Files.write(dir.resolve("f-" + UUID.randomUUID()), new byte[size]);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    store.put(key, f, sha, Map.of());
    return sha;
  }
}
