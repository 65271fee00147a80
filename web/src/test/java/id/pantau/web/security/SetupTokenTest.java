package id.pantau.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.storage.index.IndexDatabase;
import id.pantau.web.HttpSession;
import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditFilter;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.user.PasswordPolicy;
import id.pantau.web.user.Role;
import id.pantau.web.user.UserAdministration;
import id.pantau.web.user.UserRepository;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No default administrator: without VMS_ADMIN_PASSWORD the first start logs a one-time setup link, and that
 * link creates the first administrator exactly once.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SetupTokenTest {
  private static final Pattern LINK = Pattern.compile("Open http://localhost:(\\d+)/setup\\?token=([A-Za-z0-9_-]+) ");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry r) throws Exception {
    Path dataDir = Files.createTempDirectory("pantau-setup");
    r.add("vms.data-dir", dataDir::toString);
    r.add("vms.storage.embedded-s3.port", () -> "0");
    r.add("vms.live.rtsp-port", () -> "0");
    r.add("vms.live.bind-address", () -> "127.0.0.1");
    r.add("vms.demo.enabled", () -> "false");
  }

  @LocalServerPort int port;
  @Autowired UserRepository users;
  @Autowired AuditTrail audit;
  @Autowired PasswordEncoder encoder;

  @Test
  void theLoggedLinkCreatesTheFirstAdministratorOnce(CapturedOutput output) throws Exception {
    assertThat(users.count()).as("no default user").isZero();
    Matcher m = LINK.matcher(output.getAll());
    assertThat(m.find()).as("setup link in the log").isTrue();
    assertThat(m.group(1)).isEqualTo(Integer.toString(port));
    String token = m.group(2);
    assertThat(output.getAll()).contains("WARN").contains("to create the first administrator");

    HttpSession browser = new HttpSession("http://127.0.0.1:" + port);
    assertThat(browser.get("/setup").statusCode()).isEqualTo(404);
    assertThat(browser.get("/setup?token=" + token.substring(1)).statusCode()).isEqualTo(404);
    assertThat(browser.signIn("admin", "anything-at-all-123").headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

    String csrf = browser.csrfFrom("/setup?token=" + token);
    HttpResponse<String> tooShort = browser.post("/setup", HttpSession.form("token", token, "username", "kominfo",
        "displayName", "Dinas Kominfo", "password", "short", "confirm", "short", "_csrf", csrf));
    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(tooShort.body()).contains("The password needs at least 12 characters.");
    assertThat(users.count()).isZero();

    String password = "satu-dua-tiga-empat-lima";
    HttpResponse<String> created = browser.post("/setup", HttpSession.form("token", token, "username", "kominfo",
        "displayName", "Dinas Kominfo", "password", password, "confirm", password, "_csrf", csrf));
    assertThat(created.statusCode()).isEqualTo(302);
    var admin = users.findByUsername("kominfo").orElseThrow();
    assertThat(admin.roles()).containsExactly(Role.ADMIN);
    assertThat(admin.passwordHash()).startsWith("{argon2}$argon2id$");
    assertThat(audit.find(new AuditFilter(null, AuditAction.SETUP_COMPLETED, null, null, null), 0, 1)).hasSize(1);

    // spent: the same link no longer works, not even to make a second administrator
    assertThat(browser.get("/setup?token=" + token).statusCode()).isEqualTo(404);
    HttpResponse<String> again = browser.post("/setup", HttpSession.form("token", token, "username", "intruder",
        "password", password, "confirm", password, "_csrf", csrf));
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(users.count()).isEqualTo(1);

    HttpSession fresh = new HttpSession("http://127.0.0.1:" + port);
    assertThat(fresh.signIn("kominfo", password).headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/cameras"));
  }

  @Test
  void aShortAdminPasswordFromTheEnvironmentStopsTheStart() {
    try (IndexDatabase db = IndexDatabase.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
      TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
      UserRepository repo = new UserRepository(db.dataSource(), tx, Clock.systemUTC());
      AuditTrail trail = new AuditTrail(db.dataSource(), tx, Clock.systemUTC());
      UserAdministration admin = new UserAdministration(repo, encoder, new PasswordPolicy(12), trail);

      FirstAdministrator weak = new FirstAdministrator(repo, admin, new SetupToken(), "admin123", null, true);
      assertThatThrownBy(weak::afterPropertiesSet).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("VMS_ADMIN_PASSWORD is shorter than 12 characters");
      assertThat(repo.count()).isZero();

      SetupToken token = new SetupToken();
      new FirstAdministrator(repo, admin, token, "a-long-enough-passphrase", null, true).afterPropertiesSet();
      assertThat(repo.findByUsername("admin")).hasValueSatisfying(u -> {
        assertThat(u.roles()).containsExactly(Role.ADMIN);
        assertThat(encoder.matches("a-long-enough-passphrase", u.passwordHash())).isTrue();
      });
      assertThat(token.outstanding()).as("no setup link when the password is given").isFalse();

      // a later start with users present changes nothing, even with another password in the environment
      new FirstAdministrator(repo, admin, token, "another-long-passphrase", null, true).afterPropertiesSet();
      assertThat(encoder.matches("a-long-enough-passphrase", repo.findByUsername("admin").orElseThrow()
          .passwordHash())).isTrue();
    }
  }
}
