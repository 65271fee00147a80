package id.pantau.web.demo;

import id.pantau.storage.camera.CameraRepository;
import id.pantau.web.VmsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the demo cameras when {@code vms.demo.enabled} and the index holds no camera of its own. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vms.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoConfiguration {
  private static final Logger log = LoggerFactory.getLogger(DemoConfiguration.class);

  @Bean(destroyMethod = "close")
  DemoCameras demoCameras(VmsProperties props, CameraRepository cameras) {
    boolean onlyDemo = cameras.findAll().stream().allMatch(c -> c.id().startsWith("demo-"));
    if (!onlyDemo || !props.cameras().isEmpty()) {
      log.info("real cameras are configured; demo cameras not started");
      return null;
    }
    return DemoCameras.start(props.demo(), props.demoMediaDir(), cameras);
  }
}
