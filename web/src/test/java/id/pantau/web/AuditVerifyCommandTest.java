package id.pantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.storage.index.IndexDatabase;
import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditEvent;
import id.pantau.web.audit.AuditTrail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code --vms.command=verify-audit} runs the application without a web server, prints the verification and
 * yields exit code 0 for an intact trail and 1 for a tampered one (main passes it to System.exit).
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditVerifyCommandTest {

  @Test
  void exitCodeFollowsTheChain(CapturedOutput output) throws Exception {
    Path dataDir = Files.createTempDirectory("pantau-verify");
    String url = "jdbc:h2:file:" + dataDir.resolve("index") + ";DB_CLOSE_ON_EXIT=FALSE";
    try (IndexDatabase db = IndexDatabase.open(url, "pantau", "")) {
      AuditTrail trail = new AuditTrail(db.dataSource(),
          new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())), Clock.systemUTC());
      for (int i = 0; i < 3; i++) {
        trail.record(AuditEvent.of(AuditAction.LIVE_START).actor("op").camera("cam-" + i).build());
      }
    }
    assertThat(run(dataDir)).isZero();
    assertThat(output.getOut()).contains("audit trail intact: 3 rows");

    try (IndexDatabase db = IndexDatabase.open(url, "pantau", "")) {
      new JdbcTemplate(db.dataSource()).update("delete from audit_event where seq = 2");
    }
    assertThat(run(dataDir)).isEqualTo(1);
    assertThat(output.getOut()).contains("audit trail BROKEN at row 3: row 2 is missing (deleted)");
  }

  /** What main does, minus System.exit. */
  static int run(Path dataDir) {
    String[] args = PantauApplication.commandArgs(new String[] {"--vms.command=verify-audit",
        "--vms.data-dir=" + dataDir, "--vms.storage.embedded-s3.port=0"});
    ConfigurableApplicationContext context = SpringApplication.run(PantauApplication.class, args);
    assertThat(context.containsBean("tomcatServletWebServerFactory")).as("no web server in command mode").isFalse();
    return SpringApplication.exit(context);
  }
}
