package id.pantau.web.security;

import id.pantau.web.VmsProperties;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.user.UserAdministration;
import id.pantau.web.user.UserRepository;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, sign-in throttling, API tokens, camera permissions and the first administrator. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** Argon2id for new hashes; the {id} prefix lets the algorithm be raised later without a reset. */
  @Bean
  PasswordEncoder passwordEncoder() {
    Map<String, PasswordEncoder> encoders = Map.of(
        "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
        "bcrypt", new BCryptPasswordEncoder());
    return new DelegatingPasswordEncoder("argon2", encoders);
  }

  @Bean
  SignInThrottle signInThrottle(Clock clock, VmsProperties props) {
    VmsProperties.Security s = props.security();
    return new SignInThrottle(clock, s.maxFailedSignIns(), s.failureWindow(), s.lockout());
  }

  @Bean
  AuthenticationManager authenticationManager(UserRepository users, PasswordEncoder encoder,
      SignInThrottle throttle) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new PantauUserDetailsService(users));
    passwords.setPasswordEncoder(encoder);
    return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
  }

  @Bean
  ApiTokens apiTokens(DataSource dataSource, Clock clock, AuditTrail audit) {
    return new ApiTokens(dataSource, clock, audit);
  }

  @Bean
  CameraAccess cameraAccess(UserRepository users, DataSource dataSource) {
    return new CameraAccess(users, dataSource);
  }

  /** FFmpeg's own messages go through SLF4J and its secret masking instead of straight to stderr. */
  @Bean
  SmartInitializingSingleton ffmpegLogRouting(VmsProperties props) {
    return () -> {
      if (props.security().routeFfmpegLog()) {
        FfmpegLogToSlf4j.install();
      }
    };
  }

  @Bean
  SetupToken setupToken() {
    return new SetupToken();
  }

  /** Not in command mode ({@code --vms.command=...}): a command must not create users or print setup links. */
  @Bean
  FirstAdministrator firstAdministrator(UserRepository users, UserAdministration admin, SetupToken setupToken,
      VmsProperties props, Environment env) {
    String password = props.security().adminPassword();
    if (password == null || password.isEmpty()) {
      password = env.getProperty("VMS_ADMIN_PASSWORD");
    }
    return new FirstAdministrator(users, admin, setupToken, password, env.getProperty("server.address"),
        !env.containsProperty("vms.command"));
  }
}
