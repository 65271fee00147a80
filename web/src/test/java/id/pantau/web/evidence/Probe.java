package id.pantau.web.evidence;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's ffprobe on an exported file: packets (flags) and duration. */
final class Probe {
  private Probe() {}

  /** One line per video packet: its flags ("K_" for a keyframe). */
  static List<String> packets(Path file) throws Exception {
    return run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=flags", "-of", "csv=p=0",
        file.toString()).lines().filter(l -> !l.isBlank()).toList();
  }

  static double duration(Path file) throws Exception {
    return Double.parseDouble(run("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
        file.toString()).strip());
  }

  static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("failed: " + String.join(" ", command));
    }
    return out;
  }
}
