package id.pantau.web.audit;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail over the index database. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

  @Bean
  @DependsOnDatabaseInitialization
  AuditTrail auditTrail(DataSource dataSource, TransactionTemplate tx, Clock clock) {
    return new AuditTrail(dataSource, tx, clock);
  }
}
