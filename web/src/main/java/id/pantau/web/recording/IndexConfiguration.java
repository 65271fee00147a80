package id.pantau.web.recording;

import id.pantau.storage.camera.CameraNetworks;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.retention.EvidenceHolds;
import id.pantau.storage.secret.SecretCipher;
import id.pantau.web.VmsProperties;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The index repositories over Boot's DataSource (migrated by Flyway before these are used). */
@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  SecretCipher secretCipher(VmsProperties props) {
    return SecretCipher.load(props.secretKey(), props.secretKeyFile());
  }

  @Bean
  @DependsOnDatabaseInitialization
  CameraRepository cameraRepository(DataSource dataSource, SecretCipher cipher, Clock clock, VmsProperties props) {
    CameraRepository repo = new CameraRepository(dataSource, cipher, clock,
        CameraNetworks.of(props.security().cameraNetworks()));
    props.cameras().forEach(c -> repo.save(c.toCamera()));
    return repo;
  }

  @Bean
  @DependsOnDatabaseInitialization
  SegmentIndex segmentIndex(DataSource dataSource) {
    return new SegmentIndex(dataSource);
  }

  @Bean
  @DependsOnDatabaseInitialization
  EvidenceHolds evidenceHolds(DataSource dataSource) {
    return new EvidenceHolds(dataSource);
  }
}
