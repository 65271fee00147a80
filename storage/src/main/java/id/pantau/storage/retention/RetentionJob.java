package id.pantau.storage.retention;

import id.pantau.storage.camera.Camera;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.index.SegmentRow;
import id.pantau.storage.s3.ObjectStore;
import id.pantau.storage.s3.ObjectStoreException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Applies {@link RetentionPolicy}. Every deletion goes index row -> garbage row (one transaction), then the
 * object delete, then the garbage row is removed; a crash in between leaves a garbage row that the next
 * pass finishes, never an index row without its object.
 */
public class RetentionJob {
  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final SegmentIndex index;
  private final EvidenceHolds holds;
  private final ObjectStore store;
  private final Supplier<List<Camera>> cameras;
  private final Supplier<Map<String, Integer>> motionExtraDays;
  private final long quotaBytes;
  private final Clock clock;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private int pageSize = 1000;

  public RetentionJob(SegmentIndex index, EvidenceHolds holds, ObjectStore store, Supplier<List<Camera>> cameras,
      long quotaBytes, Clock clock) {
    this(index, holds, store, cameras, Map::of, quotaBytes, clock);
  }

  /** @param motionExtraDays per camera, days that segments with motion are kept beyond its retention */
  public RetentionJob(SegmentIndex index, EvidenceHolds holds, ObjectStore store, Supplier<List<Camera>> cameras,
      Supplier<Map<String, Integer>> motionExtraDays, long quotaBytes, Clock clock) {
    this.motionExtraDays = motionExtraDays;
    this.index = index;
    this.holds = holds;
    this.store = store;
    this.cameras = cameras;
    this.quotaBytes = quotaBytes;
    this.clock = clock;
    this.jdbc = index.jdbc();
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
  }

  /** Result of one pass. */
  public record Pass(int segmentsDeleted, long bytesDeleted, int garbageCollected, int garbageLeft) {}

  /**
   * One retention pass: the age rule over the segments old enough for it, then the quota rule from the oldest
   * left, each page by page so that an index of millions of rows is never held in memory; then delete objects.
   */
  public Pass run() {
    Map<String, Integer> retention = new HashMap<>();
    for (Camera c : cameras.get()) {
      retention.put(c.id(), c.retentionDays());
    }
    Map<String, Integer> motionDays = motionExtraDays.get();
    List<RetentionPolicy.Hold> held = holds.active();
    long now = clock.millis();
    long[] deleted = new long[2];
    long oldEnough = now - RetentionPolicy.minimumKeepMs(retention, Camera.DEFAULT_RETENTION_DAYS);
    forEachPage(oldEnough, page -> {
      discard(RetentionPolicy.expired(page, retention, motionDays, Camera.DEFAULT_RETENTION_DAYS, held, now),
          deleted);
      return true;
    });
    if (quotaBytes > 0) {
      long[] total = {index.totalBytes()};
      forEachPage(Long.MAX_VALUE, page -> {
        if (total[0] <= quotaBytes) {
          return false;
        }
        List<SegmentRow> doomed = RetentionPolicy.overQuota(page, total[0], quotaBytes, held);
        for (SegmentRow s : doomed) {
          total[0] -= s.bytes();
        }
        discard(doomed, deleted);
        return total[0] > quotaBytes;
      });
    }
    int[] collected = collectGarbage();
    if (deleted[0] > 0) {
      log.info("retention: {} segments ({} bytes) deleted from the index; {} objects deleted, {} pending",
          deleted[0], deleted[1], collected[0], collected[1]);
    }
    return new Pass((int) deleted[0], deleted[1], collected[0], collected[1]);
  }

  /** Feeds pages of segments ended before {@code endBeforeMs}, oldest first, until one answers false. */
  private void forEachPage(long endBeforeMs, Predicate<List<SegmentRow>> consumer) {
    long afterStart = Long.MIN_VALUE;
    long afterId = Long.MIN_VALUE;
    while (true) {
      List<SegmentRow> page = index.segmentsOldestFirstAfter(afterStart, afterId, endBeforeMs, pageSize);
      if (page.isEmpty() || !consumer.test(page) || page.size() < pageSize) {
        return;
      }
      SegmentRow last = page.get(page.size() - 1);
      afterStart = last.startWallMs();
      afterId = last.id();
    }
  }

  private void discard(List<SegmentRow> doomed, long[] deleted) {
    for (SegmentRow s : doomed) {
      moveToGarbage(s);
      deleted[0]++;
      deleted[1] += s.bytes();
    }
  }

  /** Rows read per page; small in tests so that paging is exercised. */
  public RetentionJob pageSize(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("page size must be positive, not " + rows);
    }
    this.pageSize = rows;
    return this;
  }

  private void moveToGarbage(SegmentRow s) {
    tx.executeWithoutResult(status -> {
      jdbc.update("insert into garbage (object_key, camera_id, queued_wall_ms) values (?,?,?)", s.objectKey(),
          s.cameraId(), clock.millis());
      jdbc.update("delete from segment where id = ?", s.id());
    });
  }

  /** Deletes the objects named by garbage rows; returns {collected, left}. */
  public int[] collectGarbage() {
    List<String> keys = jdbc.queryForList("select object_key from garbage order by queued_wall_ms", String.class);
    int done = 0;
    for (String key : keys) {
      try {
        store.delete(key);
        jdbc.update("delete from garbage where object_key = ?", key);
        done++;
      } catch (ObjectStoreException e) {
        log.warn("retention: object {} not deleted yet ({}); will retry", key, e.getMessage());
        break;
      }
    }
    return new int[] {done, keys.size() - done};
  }
}
