package id.pantau.recorder.node;

import id.pantau.recorder.ingest.CameraConfig;
import id.pantau.recorder.ingest.CameraRecorder;
import id.pantau.recorder.ingest.RtspUrls;
import id.pantau.recorder.ingest.Transport;
import id.pantau.recorder.segment.RecoveredSegment;
import id.pantau.recorder.segment.SpoolFiles;
import id.pantau.recorder.segment.SpoolLock;
import id.pantau.recorder.segment.SpoolRepair;
import id.pantau.recorder.segment.SpoolSync;
import id.pantau.recorder.upload.SegmentUploader;
import id.pantau.storage.camera.Camera;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recorder of one node: records the main stream of every enabled camera assigned to this node, and hands
 * closed segments to the uploader. {@link #sync} applies camera changes without touching unchanged cameras.
 */
public final class RecorderNode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RecorderNode.class);
  static final String STREAM = "main";
  static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

  /** Node-wide recording settings. */
  public record Settings(String node, Path spoolDir, Duration segmentTarget) {}

  private final Settings settings;
  private final SegmentUploader uploader;
  private final BiFunction<CameraConfig, SpoolFiles, CameraRecorder> recorders;
  private final Map<String, Running> running = new HashMap<>();
  private final SpoolLock spoolLock;
  private final SpoolSync spoolSync;

  private record Running(CameraConfig config, CameraRecorder recorder) {}

  /**
   * Takes the spool directory (its lock, then its group sync) for this node.
   *
   * @param recorders makes (but does not start) the recorder for a camera stream writing through the spool files
   *     given (the node's group-synced spool); tests inject faults here
   * @throws IllegalStateException if another recorder uses the spool directory
   */
  public RecorderNode(Settings settings, SegmentUploader uploader,
      BiFunction<CameraConfig, SpoolFiles, CameraRecorder> recorders) {
    this.settings = settings;
    this.uploader = uploader;
    this.recorders = recorders;
    try {
      this.spoolLock = SpoolLock.acquire(settings.spoolDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock the spool directory " + settings.spoolDir() + ": " + e.getMessage(),
          e);
    }
    try {
      this.spoolSync = SpoolSync.start(settings.spoolDir());
    } catch (IOException e) {
      releaseLock();
      throw new UncheckedIOException("cannot open the spool directory " + settings.spoolDir() + " for syncing: "
          + e.getMessage(), e);
    } catch (RuntimeException e) {
      releaseLock();
      throw e;
    }
  }

  /** How this node's spool is made durable. */
  public SpoolSync.Mode spoolSyncMode() {
    return spoolSync.mode();
  }

  /**
   * Repairs what a crash left in the spool and queues it for upload. Call once, before {@link #sync}, so no
   * file is still being written.
   */
  public int recoverSpool() throws IOException {
    List<RecoveredSegment> recovered = SpoolRepair.recoverAll(settings.spoolDir());
    for (RecoveredSegment r : recovered) {
      uploader.recovered(r.run(), r.segment());
    }
    if (!recovered.isEmpty()) {
      log.info("recovered {} segments from the spool {} for upload", recovered.size(), settings.spoolDir());
    }
    return recovered.size();
  }

  /** Starts, restarts or stops recorders so that exactly the enabled cameras of this node are recorded. */
  public synchronized void sync(List<Camera> cameras) {
    Set<String> wanted = new HashSet<>();
    for (Camera c : cameras) {
      if (!c.enabled() || !settings.node().equals(c.recorderNode())) {
        continue;
      }
      wanted.add(c.id());
      CameraConfig config = configFor(c);
      Running current = running.get(c.id());
      if (current != null && sameRecording(current.config(), config)) {
        continue;
      }
      if (current != null) {
        log.info("camera {} changed; restarting its recording", c.id());
        current.recorder().stop();
      }
      CameraRecorder recorder = recorders.apply(config, spoolSync);
      recorder.start();
      running.put(c.id(), new Running(config, recorder));
      log.info("recording {} from {}", c.id(), RtspUrls.redact(config.url()));
    }
    for (String id : Set.copyOf(running.keySet())) {
      if (!wanted.contains(id)) {
        running.remove(id).recorder().stop();
        log.info("stopped recording {}", id);
      }
    }
  }

  CameraConfig configFor(Camera c) {
    String url = RtspUrls.withCredentials(c.mainUrl(), c.username(), c.password());
    return CameraConfig.builder(c.id(), STREAM, url, settings.spoolDir())
        .transport(Transport.valueOf(c.transport().name()))
        .segmentTarget(settings.segmentTarget())
        // a DESCRIBE twice a second during an outage costs the camera nothing and halves the time to resume
        .probeInterval(PROBE_INTERVAL)
        .build();
  }

  private static boolean sameRecording(CameraConfig a, CameraConfig b) {
    return a.url().equals(b.url()) && a.transport() == b.transport()
        && Objects.equals(a.segmentTarget(), b.segmentTarget());
  }

  public synchronized Optional<CameraStatus> status(String cameraId) {
    Running r = running.get(cameraId);
    return r == null ? Optional.empty()
        : Optional.of(new CameraStatus(cameraId, STREAM, r.recorder().state(), r.recorder().snapshot()));
  }

  public synchronized List<CameraStatus> statuses() {
    return running.keySet().stream().sorted().map(id -> status(id).orElseThrow()).toList();
  }

  @Override
  public synchronized void close() {
    running.values().parallelStream().forEach(r -> r.recorder().stop());
    running.clear();
    try {
      spoolSync.close();
    } catch (IOException e) {
      log.warn("cannot close the spool sync of {}: {}", settings.spoolDir(), e.toString());
    }
    releaseLock();
  }

  private void releaseLock() {
    try {
      spoolLock.close();
    } catch (IOException e) {
      log.warn("cannot release the spool lock in {}: {}", settings.spoolDir(), e.toString());
    }
  }
}
