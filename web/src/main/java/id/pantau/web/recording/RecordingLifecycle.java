package id.pantau.web.recording;

import id.pantau.recorder.node.RecorderNode;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.retention.RetentionJob;
import id.pantau.web.VmsProperties;
import id.pantau.web.camera.CamerasChanged;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Starts recording once the application is ready (spool recovered first), and runs retention periodically. */
@Component
class RecordingLifecycle {
  private static final Logger log = LoggerFactory.getLogger(RecordingLifecycle.class);

  private final RecorderNode node;
  private final CameraRepository cameras;
  private final RetentionJob retention;
  private final VmsProperties props;

  RecordingLifecycle(RecorderNode node, CameraRepository cameras, RetentionJob retention, VmsProperties props) {
    this.node = node;
    this.cameras = cameras;
    this.retention = retention;
    this.props = props;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (!props.recorder().enabled()) {
      log.info("recorder disabled on this node (vms.recorder.enabled=false)");
      return;
    }
    try {
      node.recoverSpool();
    } catch (IOException e) {
      throw new UncheckedIOException("spool recovery failed: " + e.getMessage(), e);
    }
    node.sync(cameras.findAll());
  }

  /** Applies camera changes made through the API. */
  @EventListener(CamerasChanged.class)
  void camerasChanged() {
    if (props.recorder().enabled()) {
      node.sync(cameras.findAll());
    }
  }

  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${vms.recorder.retention-interval:PT10M}")
  void applyRetention() {
    try {
      retention.run();
    } catch (RuntimeException e) {
      log.warn("retention pass failed: {}", e.getMessage());
    }
  }
}
