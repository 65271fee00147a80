package id.pantau.web.playback;

import id.pantau.storage.index.SegmentLookup;
import id.pantau.web.audit.AuditTrail;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires playback: index look-ups and the once-per-window audit. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlaybackProperties.class)
class PlaybackConfiguration {

  @Bean
  @DependsOnDatabaseInitialization
  SegmentLookup segmentLookup(DataSource dataSource) {
    return new SegmentLookup(dataSource);
  }

  @Bean
  PlaybackAudit playbackAudit(AuditTrail trail, Clock clock, PlaybackProperties props) {
    return new PlaybackAudit(trail, clock, props.auditRepeat());
  }
}
