package id.pantau.recorder.testing;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.segment.ClosedSegment;
import id.pantau.recorder.segment.Fragment;
import id.pantau.recorder.segment.FragmentIndexCodec;
import id.pantau.recorder.segment.Mp4Layout;
import id.pantau.recorder.segment.VideoCodec;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/** Verifies a closed segment against the file itself, with ffprobe/ffmpeg as the independent judge. */
public final class SegmentChecks {

    private SegmentChecks() {
    }

    public static void assertValid(ClosedSegment s, VideoCodec codec) throws Exception {
        assertThat(Files.size(s.file())).as("file size").isEqualTo(s.bytes());
        assertThat(sha256(s.file())).as("sha256").isEqualTo(s.sha256Hex());
        Ffprobe.StreamDescription d = Ffprobe.stream(s.file());
        assertThat(d.codecName()).isEqualTo(codec.ffmpegName());
        assertThat(d.codecTag()).isEqualTo(codec.mp4Tag());

        List<Ffprobe.Packet> packets = Ffprobe.packets(s.file());
        assertThat(packets).as("packets").hasSize(s.frameCount());
        assertThat(packets.get(0).keyframe()).as("first frame is a keyframe").isTrue();
        assertThat(packets.get(0).dts()).as("segment starts at 0").isZero();
        // the file's timeline (by DTS) must end exactly one frame before the indexed duration does
        long lastDts90k = to90k(packets.get(packets.size() - 1).dts() - packets.get(0).dts(), d.timescale());
        long[] deltas = new long[Math.max(packets.size() - 1, 1)];
        for (int i = 1; i < packets.size(); i++) {
            deltas[i - 1] = to90k(packets.get(i).dts() - packets.get(i - 1).dts(), d.timescale());
        }
        java.util.Arrays.sort(deltas);
        long typicalFrame90k = packets.size() > 1 ? deltas[deltas.length / 2] : s.mediaDuration90k();
        long lastFrame90k = s.mediaDuration90k() - lastDts90k;
        assertThat(lastFrame90k).as("last frame duration (index vs file timeline)")
                .isPositive().isLessThanOrEqualTo(2 * typicalFrame90k);
        assertThat(Ffprobe.decodedFrames(s.file())).as("decodable frames").isEqualTo(s.frameCount());

        try (FileChannel ch = FileChannel.open(s.file(), StandardOpenOption.READ)) {
            Mp4Layout layout = Mp4Layout.read(ch);
            assertThat(layout.fragments()).as("index vs boxes").isEqualTo(s.fragments());
        }
        assertThat(FragmentIndexCodec.decode(s.fragmentIndex())).isEqualTo(s.fragments());
        assertThat(s.fragments().get(0).keyframe()).isTrue();
        assertThat(s.fragments().stream().mapToInt(Fragment::frameCount).sum()).isEqualTo(s.frameCount());
        for (Fragment f : s.fragments()) {
            if (f.frameCount() > 1) {
                // only a single frame that itself lasts longer (after a gap) may exceed 1 s
                assertThat(f.duration90k()).as("fragment of at most 1 s").isLessThanOrEqualTo(90_000);
            }
        }
    }

    /** Init section plus one fragment, read by byte range as a player would, must decode on its own. */
    public static void assertFragmentPlaysAlone(ClosedSegment s, Fragment f, Path scratch) throws Exception {
        Path part = scratch.resolve("range-" + f.offset() + ".mp4");
        try (RandomAccessFile in = new RandomAccessFile(s.file().toFile(), "r")) {
            byte[] init = new byte[(int) s.initLength()];
            in.readFully(init);
            byte[] fragment = new byte[(int) f.length()];
            in.seek(f.offset());
            in.readFully(fragment);
            Files.write(part, init);
            Files.write(part, fragment, StandardOpenOption.APPEND);
        }
        assertThat(Ffprobe.decodedFrames(part)).as("frames decoded from a ranged read").isEqualTo(f.frameCount());
    }

    public static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static long to90k(long ticks, long timescale) {
        return timescale == 90_000 ? ticks : Math.round(ticks * 90_000.0 / timescale);
    }
}
