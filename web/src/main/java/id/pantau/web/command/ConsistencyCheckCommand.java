package id.pantau.web.command;

import id.pantau.storage.check.ConsistencyCheck;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.s3.ObjectStore;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code --vms.command=check}: compares the index with the object store (every row has its object, every
 * object its row), prints what it found and exits 0 when consistent, 1 when not.
 */
@Component
@ConditionalOnProperty(name = "vms.command", havingValue = "check")
class ConsistencyCheckCommand implements ApplicationRunner, ExitCodeGenerator {
  /** The recorder may run on another node: uploads of the last minute may not be indexed yet. */
  static final Duration IN_FLIGHT_GRACE = Duration.ofMinutes(1);

  private final SegmentIndex index;
  private final ObjectStore store;
  private final Clock clock;
  private final PrintStream out = System.out;
  private volatile int exitCode = 1;

  ConsistencyCheckCommand(SegmentIndex index, ObjectStore store, Clock clock) {
    this.index = index;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    ConsistencyCheck.Report report =
        new ConsistencyCheck(index, store, clock.instant().minus(IN_FLIGHT_GRACE)).run();
    report.rowsWithoutObject().forEach(k -> out.println("row without object: " + k));
    report.objectsWithoutRow().forEach(k -> out.println("object without row: " + k));
    report.sizeMismatches().forEach(k -> out.println("size mismatch: " + k));
    out.println(report.summary());
    out.flush();
    exitCode = report.consistent() ? 0 : 1;
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
