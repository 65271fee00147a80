package id.pantau.web.security;

import id.pantau.web.audit.AuditContext;
import id.pantau.web.user.NewUser;
import id.pantau.web.user.Role;
import id.pantau.web.user.UserAdministration;
import id.pantau.web.user.UserRepository;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * There is no default administrator. When no user exists at start-up, the first one is created from
 * {@code VMS_ADMIN_PASSWORD} (user {@code admin}); without it a one-time setup link is written to the log.
 */
class FirstAdministrator implements InitializingBean, ApplicationListener<WebServerInitializedEvent> {
  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
  static final String USERNAME = "admin";

  private final UserRepository users;
  private final UserAdministration admin;
  private final SetupToken setupToken;
  private final String adminPassword;
  private final String serverAddress;
  private final boolean active;
  private volatile String issued;

  /** {@code active} is false in command mode, where no user is created and no link printed. */
  FirstAdministrator(UserRepository users, UserAdministration admin, SetupToken setupToken, String adminPassword,
      String serverAddress, boolean active) {
    this.users = users;
    this.admin = admin;
    this.setupToken = setupToken;
    this.adminPassword = adminPassword;
    this.serverAddress = serverAddress;
    this.active = active;
  }

  @Override
  public void afterPropertiesSet() {
    if (!active || users.count() > 0) {
      return;
    }
    if (adminPassword != null && !adminPassword.isEmpty()) {
      int min = admin.policy().minLength();
      if (adminPassword.length() < min) {
        throw new IllegalStateException("VMS_ADMIN_PASSWORD is shorter than " + min + " characters; set a longer"
            + " one (or unset it to get a one-time setup link in the log)");
      }
      admin.create(new NewUser(USERNAME, "Administrator", adminPassword, EnumSet.of(Role.ADMIN), true, Set.of()),
          AuditContext.SYSTEM);
      log.info("created the first administrator '{}' from VMS_ADMIN_PASSWORD", USERNAME);
      return;
    }
    issued = setupToken.issue();
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    String token = issued;
    if (token == null || !setupToken.outstanding()) {
      return;
    }
    String host = serverAddress == null || serverAddress.isBlank() || serverAddress.equals("0.0.0.0")
        ? "localhost" : serverAddress;
    log.warn("No administrator exists yet. Open http://{}:{}/setup?token={} to create the first administrator"
        + " (the link works once; restart for a new one, or set VMS_ADMIN_PASSWORD)", host,
        event.getWebServer().getPort(), token);
  }
}
