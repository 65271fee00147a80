package id.pantau.web;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of the Pantau VMS: wires storage and recorder, serves the API and UI. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PantauApplication {

  public static void main(String[] args) {
    useDataDirForNativeLibraries(args);
    SpringApplication app = new SpringApplication(PantauApplication.class);
    if (Arrays.stream(args).anyMatch(a -> a.startsWith("--vms.command="))) {
      // a one-shot command: no web server, no recording, no demo cameras
      app.setWebApplicationType(WebApplicationType.NONE);
      app.setDefaultProperties(Map.of("vms.recorder.enabled", "false", "vms.demo.enabled", "false"));
    }
    app.run(args);
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
