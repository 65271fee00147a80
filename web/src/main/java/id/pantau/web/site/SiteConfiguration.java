package id.pantau.web.site;

import id.pantau.storage.camera.CameraRepository;
import id.pantau.web.VmsProperties;
import id.pantau.web.audit.AuditTrail;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sites and links. */
@Configuration(proxyBeanMethods = false)
class SiteConfiguration {

  @Bean
  @DependsOnDatabaseInitialization
  SiteRepository siteRepository(DataSource dataSource) {
    return new SiteRepository(dataSource);
  }

  @Bean
  @DependsOnDatabaseInitialization
  SiteTimes siteTimes(DataSource dataSource, VmsProperties props) {
    return new SiteTimes(dataSource, props.ui().defaultTimeZone());
  }

  @Bean
  SiteAdministration siteAdministration(SiteRepository repo, CameraRepository cameras, AuditTrail audit) {
    return new SiteAdministration(repo, cameras.networks(), audit);
  }
}
