package id.pantau.storage.retention;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.check.ConsistencyCheck;
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
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention and the consistency check against the real embedded S3 endpoint and a real H2 index. */
class RetentionJobTest {
  static final long DAY = 86_400_000L;
  static final long NOW = Instant.parse("2026-11-23T00:00:00Z").toEpochMilli();

  @TempDir Path dir;
  StorageTestbed testbed;
  EmbeddedS3 s3;
  MinioObjectStore store;
  IndexDatabase db;
  SegmentIndex index;
  CameraRepository cameras;
  EvidenceHolds holds;
  Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

  @BeforeEach
  void start() {
    testbed = new StorageTestbed(dir);
    s3 = testbed.s3;
    store = testbed.store;
    db = testbed.db;
    index = testbed.index;
    cameras = new CameraRepository(db.dataSource(), SecretCipher.load(null, dir.resolve("k")), clock);
    holds = new EvidenceHolds(db.dataSource());
    cameras.save(new Camera("a", null, null, null, "rtsp://10.0.0.1/a", null, null, null, null, true, 10, null));
  }

  @AfterEach
  void stop() {
    testbed.close();
  }

  SegmentRow stored(long run, long startMs, int size) throws Exception {
    Path f = Files.write(dir.resolve("seg-" + startMs), new byte[size]);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    String key = ObjectKeys.segment("a", "main", startMs, run);
    store.put(key, f, sha, Map.of());
    SegmentRow row = new SegmentRow(0, "a", run, "main", startMs, startMs + 60_000, 0, 5_400_000, 1500, size, sha, key,
        "", false);
    index.insertSegment(row);
    return index.segmentByKey(key).orElseThrow();
  }

  @Test
  void deletesExpiredSegmentsThroughGarbageRowsButKeepsHeldOnes() throws Exception {
    long run = index.insertRun(UUID.randomUUID(), "a", "main", NOW - 30 * DAY, "h264", 1280, 720, "FIRST");
    SegmentRow old = stored(run, NOW - 20 * DAY, 1000);
    SegmentRow held = stored(run, NOW - 15 * DAY, 1000);
    SegmentRow fresh = stored(run, NOW - DAY, 1000);
    holds.place("a", held.startWallMs() + 1000, held.startWallMs() + 2000, "LP/123/XI/2026", "incident", "sup", NOW);

    RetentionJob job = new RetentionJob(index, holds, store, cameras::findAll, 0, clock);
    RetentionJob.Pass pass = job.run();

    assertThat(pass.segmentsDeleted()).isEqualTo(1);
    assertThat(pass.garbageCollected()).isEqualTo(1);
    assertThat(store.find(old.objectKey())).isEmpty();
    assertThat(store.find(held.objectKey())).isPresent();
    assertThat(store.find(fresh.objectKey())).isPresent();
    assertThat(index.allSegmentsOldestFirst()).extracting(SegmentRow::objectKey)
        .containsExactly(held.objectKey(), fresh.objectKey());
    assertThat(new ConsistencyCheck(index, store).run().consistent()).isTrue();
  }

  @Test
  void objectDeleteFailureLeavesGarbageRowThatTheNextPassFinishes() throws Exception {
    long run = index.insertRun(UUID.randomUUID(), "a", "main", NOW - 30 * DAY, "h264", 1280, 720, "FIRST");
    SegmentRow old = stored(run, NOW - 20 * DAY, 1000);
    RetentionJob job = new RetentionJob(index, holds, store, cameras::findAll, 0, clock);

    s3.stop();
    RetentionJob.Pass outage = job.run();
    assertThat(outage.segmentsDeleted()).isEqualTo(1);
    assertThat(outage.garbageLeft()).isEqualTo(1);
    assertThat(index.segmentByKey(old.objectKey())).as("row leaves the index first").isEmpty();

    s3.start();
    RetentionJob.Pass after = job.run();
    assertThat(after.garbageCollected()).isEqualTo(1);
    assertThat(store.find(old.objectKey())).isEmpty();
    ConsistencyCheck.Report report = new ConsistencyCheck(index, store).run();
    assertThat(report.consistent()).isTrue();
    assertThat(report.pendingGarbage()).isEmpty();
  }

  @Test
  void quotaDeletesOldestFirst() throws Exception {
    long run = index.insertRun(UUID.randomUUID(), "a", "main", NOW - 5 * DAY, "h264", 1280, 720, "FIRST");
    SegmentRow s1 = stored(run, NOW - 3 * DAY, 1000);
    SegmentRow s2 = stored(run, NOW - 2 * DAY, 1000);
    SegmentRow s3row = stored(run, NOW - DAY, 1000);
    RetentionJob.Pass pass = new RetentionJob(index, holds, store, cameras::findAll, 2000, clock).run();
    assertThat(pass.segmentsDeleted()).isEqualTo(1);
    assertThat(store.find(s1.objectKey())).isEmpty();
    assertThat(index.allSegmentsOldestFirst()).extracting(SegmentRow::id).containsExactly(s2.id(), s3row.id());
  }

  @Test
  void pagedPassesDeleteWhatThePolicyChoosesOverTheWholeIndex() throws Exception {
    long run = index.insertRun(UUID.randomUUID(), "a", "main", NOW - 30 * DAY, "h264", 1280, 720, "FIRST");
    long[] startsDaysAgo = {25, 20, 16, 14, 12, 9, 6, 4, 2, 1};
    for (long d : startsDaysAgo) {
      stored(run, NOW - d * DAY, 1000);
    }
    SegmentRow heldRow = index.allSegmentsOldestFirst().get(3);
    holds.place("a", heldRow.startWallMs(), heldRow.startWallMs() + 1000, "LP/7/XI/2026", "incident", "sup", NOW);
    // over the whole index at once: 4 expired (10-day retention; the held one stays), then the oldest until
    // 3000 bytes fit
    List<Long> expected = RetentionPolicy.select(index.allSegmentsOldestFirst(), Map.of("a", 10),
        Camera.DEFAULT_RETENTION_DAYS, 3000, holds.active(), NOW).stream().map(SegmentRow::id).toList();

    RetentionJob.Pass pass = new RetentionJob(index, holds, store, cameras::findAll, 3000, clock).pageSize(2).run();

    assertThat(expected).hasSize(7);
    assertThat(pass.segmentsDeleted()).isEqualTo(7);
    assertThat(index.allSegmentsOldestFirst()).extracting(SegmentRow::id).doesNotContainAnyElementsOf(expected)
        .contains(heldRow.id()).hasSize(3);
    assertThat(index.totalBytes()).isEqualTo(3000);
  }

  @Test
  void consistencyCheckNamesRowsWithoutObjectsAndObjectsWithoutRows() throws Exception {
    long run = index.insertRun(UUID.randomUUID(), "a", "main", NOW - DAY, "h264", 1280, 720, "FIRST");
    SegmentRow lost = stored(run, NOW - 3_600_000, 10);
    SegmentRow kept = stored(run, NOW - 1_800_000, 10);
    store.delete(lost.objectKey());
    Path orphan = Files.write(dir.resolve("orphan"), new byte[5]);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(new byte[5]));
    store.put("segments/a/main/orphan.mp4", orphan, sha, Map.of());

    ConsistencyCheck.Report r = new ConsistencyCheck(index, store).run();
    assertThat(r.consistent()).isFalse();
    assertThat(r.rowsWithoutObject()).containsExactly(lost.objectKey());
    assertThat(r.objectsWithoutRow()).containsExactly("segments/a/main/orphan.mp4");
    assertThat(r.rows()).isEqualTo(2);
    assertThat(r.summary()).contains("1 rows without object", "1 objects without row", "INCONSISTENT");
    assertThat(store.find(kept.objectKey())).isPresent();
  }
}
