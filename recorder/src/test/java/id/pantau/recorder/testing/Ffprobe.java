package id.pantau.recorder.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What ffprobe (Debian's, independent of the JavaCV build) says about a media file. */
public final class Ffprobe {

    private Ffprobe() {
    }

    /** One packet as ffprobe lists it. */
    public record Packet(long pts, long dts, long duration, boolean keyframe) {
    }

    public record StreamDescription(String codecName, String codecTag, int width, int height, long timescale) {
    }

    public static StreamDescription stream(Path file) throws IOException, InterruptedException {
        String out = Processes.runOk(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=codec_name,codec_tag_string,width,height,time_base", "-of", "default=nw=1", file.toString()), 60)
                .stdout();
        String codec = null;
        String tag = null;
        int w = 0;
        int h = 0;
        long timescale = 0;
        for (String line : out.split("\n")) {
            String[] kv = line.split("=", 2);
            if (kv.length < 2) continue;
            switch (kv[0]) {
                case "codec_name" -> codec = kv[1];
                case "codec_tag_string" -> tag = kv[1];
                case "width" -> w = Integer.parseInt(kv[1]);
                case "height" -> h = Integer.parseInt(kv[1]);
                case "time_base" -> timescale = Long.parseLong(kv[1].split("/")[1]);
                default -> { }
            }
        }
        return new StreamDescription(codec, tag, w, h, timescale);
    }

    /** Video packets in decode order, timestamps in the stream's time base. */
    public static List<Packet> packets(Path file) throws IOException, InterruptedException {
        String out = Processes.runOk(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "packet=pts,dts,duration,flags", "-of", "csv=p=0", file.toString()), 60).stdout();
        List<Packet> packets = new ArrayList<>();
        for (String line : out.split("\n")) {
            line = line.strip();
            if (line.isEmpty()) continue;
            String[] f = line.split(",");
            packets.add(new Packet(parse(f[0]), parse(f[1]), parse(f[2]), f[3].contains("K")));
        }
        return packets;
    }

    /** Decodes every frame with ffmpeg; returns the number of decoded frames, failing on any decode error. */
    public static int decodedFrames(Path file) throws IOException, InterruptedException {
        Processes.Result r = Processes.run(List.of("ffmpeg", "-v", "error", "-xerror", "-i", file.toString(),
                "-map", "0:v:0", "-f", "null", "-"), 120);
        if (r.exitCode() != 0 || !r.stderr().isBlank()) {
            throw new AssertionError("decode of " + file + " failed: " + r.stderr());
        }
        String count = Processes.runOk(List.of("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", file.toString()), 120).stdout().strip();
        return Integer.parseInt(count.replace(",", ""));
    }

    private static long parse(String s) {
        return s.isEmpty() || s.equals("N/A") ? Long.MIN_VALUE : Long.parseLong(s);
    }
}
