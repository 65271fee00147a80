package id.pantau.web.playback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's ffprobe over a file or URL: the video packets as the demuxer sees them, and frames decoded. */
final class Probe {

  /** One packet: times in seconds as FFmpeg reports them, and whether it is a keyframe. */
  record Packet(double ptsSeconds, double dtsSeconds, boolean keyframe) {}

  private Probe() {}

  static List<Packet> packets(List<String> inputOptions, String input) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("ffprobe", "-v", "error"));
    cmd.addAll(inputOptions);
    cmd.addAll(List.of("-i", input, "-select_streams", "v:0", "-show_entries", "packet=pts_time,dts_time,flags",
        "-of", "csv=p=0"));
    List<Packet> packets = new ArrayList<>();
    for (String line : run(cmd).split("\n")) {
      String[] f = line.trim().split(",");
      if (f.length >= 3) {
        packets.add(new Packet(Double.parseDouble(f[0]), Double.parseDouble(f[1]), f[2].startsWith("K")));
      }
    }
    return packets;
  }

  /** Frames the decoder produced, reading every packet. */
  static int decodedFrames(List<String> inputOptions, String input) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("ffprobe", "-v", "error"));
    cmd.addAll(inputOptions);
    cmd.addAll(List.of("-i", input, "-select_streams", "v:0", "-count_frames", "-show_entries",
        "stream=nb_read_frames", "-of", "csv=p=0"));
    return Integer.parseInt(run(cmd).trim().split("\n")[0].replace(",", ""));
  }

  private static String run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + err);
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
