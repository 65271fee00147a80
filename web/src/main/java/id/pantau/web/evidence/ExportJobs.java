package id.pantau.web.evidence;

import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditEvent;
import id.pantau.web.audit.AuditTrail;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the packages of approved requests in the background. The state lives in the request rows: a build
 * starts by moving its request to BUILDING (counting the attempt), reports progress there, and ends in READY
 * (package stored) or FAILED. A build cut off by a shutdown or crash stays BUILDING and is started again at the
 * next start ({@link #resumeUnfinished()}), up to {@code maxAttempts}.
 */
public class ExportJobs implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);
  private static final int PROGRESS_STEP_PERMILLE = 10;

  private final EvidenceRequests requests;
  private final PackageBuilder builder;
  private final EvidenceStore store;
  private final AuditTrail audit;
  private final Clock clock;
  private final int maxAttempts;
  private final ExecutorService executor;
  private final Set<Long> queued = ConcurrentHashMap.newKeySet();
  private volatile boolean closing;

  ExportJobs(EvidenceRequests requests, PackageBuilder builder, EvidenceStore store, AuditTrail audit, Clock clock,
      int workers, int maxAttempts) {
    this.requests = requests;
    this.builder = builder;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
      Thread t = new Thread(r, "evidence-build-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Queues the build of an approved request, unless it is queued or running already. */
  public void submit(long requestId) {
    if (!closing && queued.add(requestId)) {
      executor.execute(() -> {
        try {
          build(requestId);
        } finally {
          queued.remove(requestId);
        }
      });
    }
  }

  /** Queues every request approved but not built: after a restart, this re-runs interrupted builds. */
  public int resumeUnfinished() {
    var unfinished = requests.unfinished();
    unfinished.forEach(r -> submit(r.id()));
    if (!unfinished.isEmpty()) {
      log.info("evidence: {} approved requests to build", unfinished.size());
    }
    return unfinished.size();
  }

  /** Whether a build is queued or running for the request. */
  public boolean busy(long requestId) {
    return queued.contains(requestId);
  }

  private void build(long id) {
    EvidenceRequest r = requests.find(id).orElse(null);
    if (r == null || !r.status().unfinished()) {
      return;
    }
    if (r.attempts() >= maxAttempts) {
      fail(r, "gave up after " + r.attempts() + " attempts");
      return;
    }
    if (!requests.startBuild(id)) {
      return;
    }
    long started = clock.millis();
    PackageBuilder.Built built = null;
    try {
      int[] last = {-PROGRESS_STEP_PERMILLE};
      built = builder.build(r, permille -> {
        if (permille - last[0] >= PROGRESS_STEP_PERMILLE) {
          last[0] = permille;
          requests.progress(id, permille);
        }
      });
      String key = "requests/" + id + "/evidence-" + id + ".zip";
      String protection = store.put(key, built.zip(), built.sha256(), Map.of("request", Long.toString(id),
          "package-sha256", built.sha256()));
      requests.ready(id, key, built.sha256(), built.bytes(), protection, clock.millis());
      audit.record(AuditEvent.of(AuditAction.EXPORT_BUILT).actor(AuditEvent.SYSTEM).range(r.fromMs(), r.toMs())
          .reason(r.caseNumber()).details("request " + id + " cameras " + String.join(",", r.cameraIds())
              + "; package " + key + " sha256 " + built.sha256() + ", " + built.bytes() + " bytes, built in "
              + (clock.millis() - started) + " ms; " + protection).build());
      log.info("evidence request {} built: {} bytes in {} ms", id, built.bytes(), clock.millis() - started);
    } catch (Exception e) {
      if (closing) {
        // shutting down: the request stays BUILDING and is built again at the next start
        log.info("evidence request {}: build interrupted by shutdown", id);
        return;
      }
      log.warn("evidence request {}: build failed", id, e);
      fail(r, e.getMessage() == null ? e.toString() : e.getMessage());
    } finally {
      if (built != null) {
        try {
          Files.deleteIfExists(built.zip());
        } catch (java.io.IOException e) {
          log.debug("cannot delete {}", built.zip(), e);
        }
      }
    }
  }

  private void fail(EvidenceRequest r, String why) {
    requests.failed(r.id(), why);
    audit.record(AuditEvent.of(AuditAction.EXPORT_FAILED).actor(AuditEvent.SYSTEM).range(r.fromMs(), r.toMs())
        .reason(r.caseNumber()).details("request " + r.id() + ": " + why).build());
  }

  @Override
  public void close() {
    closing = true;
    executor.shutdownNow();
  }
}
