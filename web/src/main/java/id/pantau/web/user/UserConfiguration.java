package id.pantau.web.user;

import id.pantau.web.VmsProperties;
import id.pantau.web.audit.AuditTrail;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** User storage and administration. */
@Configuration(proxyBeanMethods = false)
class UserConfiguration {

  @Bean
  @DependsOnDatabaseInitialization
  UserRepository userRepository(DataSource dataSource, TransactionTemplate tx, Clock clock) {
    return new UserRepository(dataSource, tx, clock);
  }

  @Bean
  UserAdministration userAdministration(UserRepository users, PasswordEncoder encoder, VmsProperties props,
      AuditTrail audit) {
    return new UserAdministration(users, encoder, new PasswordPolicy(props.security().minPasswordLength()), audit);
  }
}
