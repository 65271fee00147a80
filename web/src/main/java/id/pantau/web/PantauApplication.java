package id.pantau.web;

import id.pantau.web.evidence.verify.EvidenceVerifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of the Pantau VMS: wires storage and recorder, serves the API and UI. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PantauApplication {

  public static void main(String[] args) {
    useDataDirForNativeLibraries(args);
    if (isCommand(args)) {
      String command = Arrays.stream(args).filter(a -> a.startsWith("--vms.command=")).findFirst().orElseThrow()
          .substring("--vms.command=".length());
      if (!COMMANDS.contains(command)) {
        System.err.println("unknown command '" + command + "'; known: " + String.join(", ", COMMANDS));
        System.exit(2);
      }
      if (command.equals(VERIFY_EVIDENCE)) {
        // offline on purpose: a package is checked with its signature alone, no database or object store
        System.exit(EvidenceVerifier.run(args, System.out, System.err));
      }
      // a one-shot command (e.g. --vms.command=verify-audit): no web server, no cameras, exit with its code
      ConfigurableApplicationContext context = SpringApplication.run(PantauApplication.class, commandArgs(args));
      System.exit(SpringApplication.exit(context));
    }
    SpringApplication.run(PantauApplication.class, args);
  }

  /** The one-shot commands, each a bean conditional on {@code vms.command}. */
  static final List<String> COMMANDS = List.of("check", "verify-audit", "verify-evidence");
  static final String VERIFY_EVIDENCE = "verify-evidence";

  static boolean isCommand(String[] args) {
    return Arrays.stream(args).anyMatch(a -> a.startsWith("--vms.command="));
  }

  /** The arguments plus what a command never needs: the web server, demo cameras, the recorder. */
  static String[] commandArgs(String[] args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(List.of("--spring.main.web-application-type=none", "--vms.demo.enabled=false",
        "--vms.recorder.enabled=false", "--spring.main.banner-mode=off"));
    return all.toArray(String[]::new);
  }

  /** JavaCPP unpacks about 200 MB of FFmpeg/OpenCV natives; keep them in the data directory, not in $HOME. */
  static void useDataDirForNativeLibraries(String[] args) {
    if (System.getProperty("org.bytedeco.javacpp.cachedir") != null) {
      return;
    }
    String dataDir = System.getenv().getOrDefault("VMS_DATA_DIR", System.getProperty("vms.data-dir", "./data"));
    for (String a : args) {
      if (a.startsWith("--vms.data-dir=")) {
        dataDir = a.substring("--vms.data-dir=".length());
      }
    }
    System.setProperty("org.bytedeco.javacpp.cachedir", Path.of(dataDir, "javacpp-cache").toString());
  }
}
