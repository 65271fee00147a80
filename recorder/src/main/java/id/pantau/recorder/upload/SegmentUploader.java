package id.pantau.recorder.upload;

import id.pantau.recorder.segment.ClosedSegment;
import id.pantau.recorder.segment.RunInfo;
import id.pantau.recorder.segment.SegmentSink;
import id.pantau.recorder.segment.SpoolLayout;
import id.pantau.storage.index.ObjectKeys;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.index.SegmentRow;
import id.pantau.storage.s3.ObjectStore;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves closed segments from the spool to the object store in the fixed write order: upload, verify (size
 * and SHA-256), index row, then delete the spool file. While the store is unreachable segments wait in the
 * spool, in order, and are retried with backoff; nothing is indexed that is not durably stored.
 */
public final class SegmentUploader implements SegmentSink, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SegmentUploader.class);

  private final ObjectStore store;
  private final SegmentIndex index;
  private final LongUnaryOperator retryDelayMs;
  private final LinkedBlockingDeque<ClosedSegment> queue = new LinkedBlockingDeque<>();
  private final Map<UUID, RunInfo> runs = new ConcurrentHashMap<>();
  private final Set<UUID> endedRuns = ConcurrentHashMap.newKeySet();
  /** Segments of each run not stored yet, queued or in flight. */
  private final Map<UUID, Integer> pendingByRun = new ConcurrentHashMap<>();
  private final AtomicLong pendingBytes = new AtomicLong();
  private final AtomicLong uploaded = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final Thread[] workers;
  private volatile boolean running = true;
  private volatile String lastError;

  /**
   * @param workers parallel uploads; segments of different cameras may finish out of order, which the index
   *     allows because each segment row names its run
   * @param retryDelayMs delay before retry number n (1-based) after a failed upload
   */
  public SegmentUploader(ObjectStore store, SegmentIndex index, int workers, LongUnaryOperator retryDelayMs) {
    this.store = store;
    this.index = index;
    this.retryDelayMs = retryDelayMs;
    this.workers = new Thread[workers];
    for (int i = 0; i < workers; i++) {
      this.workers[i] = new Thread(this::work, "segment-upload-" + i);
      this.workers[i].setDaemon(true);
      this.workers[i].start();
    }
  }

  /** Backoff 1, 2, 4 ... 30 s. */
  public static long defaultRetryDelayMs(long attempt) {
    return Math.min(30_000L, 1000L << Math.min(attempt - 1, 5));
  }

  @Override
  public void runStarted(RunInfo run) {
    runs.put(run.runId(), run);
  }

  @Override
  public void segmentClosed(ClosedSegment segment) {
    pendingByRun.merge(segment.runId(), 1, Integer::sum);
    pendingBytes.addAndGet(segment.bytes());
    queue.addLast(segment);
  }

  @Override
  public void runEnded(RunInfo run, long endWallMs) {
    endedRuns.add(run.runId());
    forgetIfDone(run.runId());
  }

  /** An ended run is forgotten once none of its segments waits, so a camera that reconnects often leaks nothing. */
  private void forgetIfDone(UUID runId) {
    if (endedRuns.contains(runId) && !pendingByRun.containsKey(runId)) {
      runs.remove(runId);
      endedRuns.remove(runId);
    }
  }

  /** A segment recovered from the spool after a crash, with the run it belongs to. */
  public void recovered(RunInfo run, ClosedSegment segment) {
    runStarted(run);
    segmentClosed(segment);
  }

  /** Segments waiting for upload (including any in flight). */
  public int pendingSegments() {
    return queue.size();
  }

  public long pendingBytes() {
    return pendingBytes.get();
  }

  public long uploadedSegments() {
    return uploaded.get();
  }

  public long failedAttempts() {
    return failures.get();
  }

  /** The last upload failure, or null once an upload succeeded again. */
  public String lastError() {
    return lastError;
  }

  private void work() {
    while (running) {
      ClosedSegment s;
      try {
        s = queue.pollFirst(500, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (s == null) {
        continue;
      }
      long attempt = 0;
      while (running) {
        attempt++;
        try {
          store(s);
          pendingBytes.addAndGet(-s.bytes());
          uploaded.incrementAndGet();
          lastError = null;
          break;
        } catch (IOException | RuntimeException e) {
          failures.incrementAndGet();
          lastError = e.getMessage();
          long delay = retryDelayMs.applyAsLong(attempt);
          log.warn("upload of {} failed (attempt {}): {}; retrying in {} ms; {} segments waiting in the spool",
              s.file().getFileName(), attempt, e.getMessage(), delay, queue.size() + 1);
          if (!sleep(delay)) {
            queue.addFirst(s);
            return;
          }
        }
      }
    }
  }

  private void store(ClosedSegment s) throws IOException {
    RunInfo run = runs.get(s.runId());
    if (run == null) {
      throw new IllegalStateException("segment " + s.file() + " names run " + s.runId() + " that never started");
    }
    long runId = index.insertRun(run.runId(), run.cameraId(), run.stream(), run.startWallMs(),
        run.codec().ffmpegName(), run.width(), run.height(), run.reason().name());
    String key = ObjectKeys.segment(s.cameraId(), s.stream(), s.startWallMs(), runId);
    store.put(key, s.file(), s.sha256Hex(), Map.of("camera", s.cameraId(), "stream", s.stream(),
        "start-wall-ms", Long.toString(s.startWallMs()), "run", run.runId().toString()));
    index.insertSegment(new SegmentRow(0, s.cameraId(), runId, s.stream(), s.startWallMs(), s.endWallMs(),
        s.mediaStart90k(), s.mediaDuration90k(), s.frameCount(), s.bytes(), s.sha256Hex(), key, s.fragmentIndex(),
        false));
    SpoolLayout.deleteSegment(s.file());
    pendingByRun.computeIfPresent(s.runId(), (id, n) -> n > 1 ? n - 1 : null);
    forgetIfDone(s.runId());
  }

  private boolean sleep(long ms) {
    try {
      Thread.sleep(ms);
      return running;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Waits until the queue is empty or the timeout passes; true if everything was stored. */
  public boolean drain(long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (queue.isEmpty() && pendingBytes.get() == 0) {
        return true;
      }
      Thread.sleep(50);
    }
    return queue.isEmpty() && pendingBytes.get() == 0;
  }

  @Override
  public void close() {
    running = false;
    for (Thread t : workers) {
      t.interrupt();
    }
    for (Thread t : workers) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
