package id.pantau.web.motion;

import id.pantau.recorder.motion.AnalysisSettings;
import id.pantau.recorder.motion.EventTiming;
import id.pantau.recorder.motion.MotionEventWriter;
import id.pantau.recorder.motion.MotionNode;
import id.pantau.storage.motion.MotionEvents;
import id.pantau.storage.motion.MotionSettingsRepository;
import id.pantau.storage.s3.ObjectStore;
import id.pantau.web.VmsProperties;
import id.pantau.web.security.CameraAccess;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Motion detection of this node: settings and events in the index, analysers, notifications. */
@Configuration(proxyBeanMethods = false)
class MotionConfiguration {

  @Bean
  @DependsOnDatabaseInitialization
  MotionSettingsRepository motionSettingsRepository(DataSource dataSource, Clock clock) {
    return new MotionSettingsRepository(dataSource, clock);
  }

  @Bean
  @DependsOnDatabaseInitialization
  MotionEvents motionEvents(DataSource dataSource) {
    return new MotionEvents(dataSource);
  }

  @Bean
  MotionEventStream motionEventStream(CameraAccess access) {
    return new MotionEventStream(access);
  }

  @Bean
  MotionNotifier motionNotifier(MotionProperties props, MotionEventStream stream, JsonMapper json, Clock clock) {
    WebhookSender webhook = props.webhook().configured() ? new WebhookSender(props.webhook(), clock) : null;
    return new MotionNotifier(new NotificationRateLimiter(props.rateLimit().toMillis(), clock::millis), stream, webhook, json);
  }

  @Bean(destroyMethod = "close")
  MotionEventWriter motionEventWriter(MotionEvents events, ObjectStore store, MotionNotifier notifier,
      VmsProperties vms) {
    return new MotionEventWriter(events, store, scratchDir(vms), notifier);
  }

  @Bean(destroyMethod = "close")
  MotionNode motionNode(MotionProperties props, VmsProperties vms, MotionEventWriter writer, Clock clock) {
    AnalysisSettings analysis = new AnalysisSettings(props.analysisFps(), props.width(), props.snapshotWidth());
    EventTiming timing = EventTiming.at(props.analysisFps(), props.minDuration().toMillis(),
        props.cooldown().toMillis(), (int) props.preRoll().toMillis(), (int) props.postRoll().toMillis());
    // the same RTSP client as the recorder (vms.recorder.ingest), so a camera is read one way on this node
    return new MotionNode(new MotionNode.Settings(vms.recorder().node(), analysis, timing, scratchDir(vms)),
        vms.recorder().ingest().opener(), writer, writer::closeDangling, clock::millis);
  }

  static Path scratchDir(VmsProperties vms) {
    return vms.dataDir().resolve("motion-scratch");
  }
}
