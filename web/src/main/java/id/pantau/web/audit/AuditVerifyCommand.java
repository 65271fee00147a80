package id.pantau.web.audit;

import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code --vms.command=verify-audit}: walks the audit chain, prints the result and makes the process exit 0 when
 * intact, 1 when broken (see {@code PantauApplication#main}).
 */
@Component
@ConditionalOnProperty(name = "vms.command", havingValue = "verify-audit")
class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {
  private final AuditTrail audit;
  private final PrintStream out;
  private volatile int exitCode = 1;

  AuditVerifyCommand(AuditTrail audit) {
    this.audit = audit;
    this.out = System.out;
  }

  @Override
  public void run(ApplicationArguments args) {
    AuditVerification v = audit.verify();
    out.println(v.summary());
    out.flush();
    exitCode = v.intact() ? 0 : 1;
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
