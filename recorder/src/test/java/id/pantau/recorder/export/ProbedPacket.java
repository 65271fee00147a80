package id.pantau.recorder.export;

import id.pantau.recorder.testing.Processes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A video packet as Debian's ffprobe lists it, times in seconds. */
record ProbedPacket(double ptsSeconds, double dtsSeconds, double durationSeconds, boolean keyframe, boolean discard) {

    static List<ProbedPacket> of(Path file) throws Exception {
        String out = Processes.runOk(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "packet=pts_time,dts_time,duration_time,flags", "-of", "csv=p=0", file.toString()), 120).stdout();
        List<ProbedPacket> packets = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.strip().split(",");
            if (f.length < 4) {
                continue;
            }
            packets.add(new ProbedPacket(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    f[3].contains("K"), f[3].contains("D")));
        }
        return packets;
    }

    /** A format- or stream-level entry, e.g. {@code format=duration} or {@code stream=codec_name}. */
    static String entry(Path file, String section, String key) throws Exception {
        return Processes.runOk(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                section + "=" + key, "-of", "default=nw=1:nk=1", file.toString()), 60).stdout().strip();
    }
}
