package id.pantau.web.motion;

import id.pantau.recorder.motion.MotionNode;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.motion.MotionSettingsRepository;
import id.pantau.web.VmsProperties;
import id.pantau.web.camera.CamerasChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs motion analysis for this node's cameras that have it on, once the application is ready, and follows camera
 * and motion-setting changes. Off when the recorder or motion detection is disabled on this node.
 */
@Component
class MotionLifecycle {
  private static final Logger log = LoggerFactory.getLogger(MotionLifecycle.class);

  private final MotionNode node;
  private final CameraRepository cameras;
  private final MotionSettingsRepository settings;
  private final boolean active;

  MotionLifecycle(MotionNode node, CameraRepository cameras, MotionSettingsRepository settings, VmsProperties vms,
      MotionProperties props) {
    this.node = node;
    this.cameras = cameras;
    this.settings = settings;
    this.active = vms.recorder().enabled() && props.enabled();
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (!active) {
      log.info("motion analysis off on this node (vms.recorder.enabled / vms.motion.enabled)");
      return;
    }
    sync();
  }

  @EventListener({CamerasChanged.class, MotionSettingsChanged.class})
  void changed() {
    if (active) {
      sync();
    }
  }

  private void sync() {
    node.sync(cameras.findAll(), settings.all());
  }
}
