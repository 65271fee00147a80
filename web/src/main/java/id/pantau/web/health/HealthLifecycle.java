package id.pantau.web.health;

import id.pantau.recorder.health.HealthMonitor;
import id.pantau.web.camera.CamerasChanged;
import id.pantau.web.site.TopologyChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Starts watching once the application is ready, and re-reads the topology when it changes. */
@Component
class HealthLifecycle {
  private static final Logger log = LoggerFactory.getLogger(HealthLifecycle.class);

  private final HealthMonitor monitor;
  private final HealthProperties props;

  HealthLifecycle(HealthMonitor monitor, HealthProperties props) {
    this.monitor = monitor;
    this.props = props;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (!props.enabled()) {
      log.info("camera and link health disabled (vms.health.enabled=false)");
      return;
    }
    monitor.start(props.linkProbesEnabled(), props.cameraProbesEnabled());
  }

  @EventListener({CamerasChanged.class, TopologyChanged.class})
  void topologyChanged() {
    monitor.topologyChanged();
  }
}
