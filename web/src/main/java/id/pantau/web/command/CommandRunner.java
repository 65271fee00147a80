package id.pantau.web.command;

import id.pantau.storage.check.ConsistencyCheck;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.s3.ObjectStore;
import id.pantau.web.VmsProperties;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Runs a one-shot command given as {@code --vms.command=NAME} and exits with its status instead of serving:
 * {@code check} compares the index with the object store (every row has its object, every object its row).
 */
@Component
class CommandRunner implements ApplicationRunner {
  static final Duration IN_FLIGHT_GRACE = Duration.ofMinutes(1);

  private final VmsProperties props;
  private final SegmentIndex index;
  private final ObjectStore store;
  private final ConfigurableApplicationContext context;
  private final Clock clock;

  CommandRunner(VmsProperties props, SegmentIndex index, ObjectStore store, ConfigurableApplicationContext context,
      Clock clock) {
    this.clock = clock;
    this.props = props;
    this.index = index;
    this.store = store;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    String command = props.command();
    if (command == null || command.isBlank()) {
      return;
    }
    int status = execute(command, System.out);
    System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> status));
  }

  int execute(String command, PrintStream out) {
    if (command.equals("check")) {
      // the recorder may be running on another node: uploads of the last minute may not be indexed yet
      ConsistencyCheck.Report report =
          new ConsistencyCheck(index, store, clock.instant().minus(IN_FLIGHT_GRACE)).run();
      report.rowsWithoutObject().forEach(k -> out.println("row without object: " + k));
      report.objectsWithoutRow().forEach(k -> out.println("object without row: " + k));
      report.sizeMismatches().forEach(k -> out.println("size mismatch: " + k));
      out.println(report.summary());
      return report.consistent() ? 0 : 1;
    }
    out.println("unknown command '" + command + "'; known: check");
    return 2;
  }
}
