package id.pantau.recorder.mp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.recorder.segment.Mp4Layout;
import id.pantau.recorder.segment.Sample;
import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.segment.VideoFormat;
import id.pantau.recorder.testing.Ffprobe;
import id.pantau.recorder.virtualcam.MediaFixtures;
import id.pantau.recorder.virtualcam.media.AccessUnit;
import id.pantau.recorder.virtualcam.media.AnnexBReader;
import id.pantau.recorder.virtualcam.media.Clip;
import id.pantau.recorder.virtualcam.media.NalUnit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Fmp4MuxerTest {

    @TempDir
    Path dir;

    @Test
    void h264FileIsReadByFfprobeFrameForFrame() throws Exception {
        Clip clip = AnnexBReader.readFile(MediaFixtures.shortH264(), 25);
        Path file = mux(clip, VideoCodec.H264, 1280, 720, false);

        Ffprobe.StreamDescription stream = Ffprobe.stream(file);
        assertThat(stream.codecName()).isEqualTo("h264");
        assertThat(stream.codecTag()).isEqualTo("avc1");
        assertThat(stream.width()).isEqualTo(1280);
        assertThat(stream.height()).isEqualTo(720);
        assertThat(stream.timescale()).isEqualTo(90_000);
        assertFramesInOrder(file, clip.frameCount() * 2);
        assertThat(Ffprobe.decodedFrames(file)).isEqualTo(clip.frameCount() * 2);
    }

    @Test
    void h265FileIsReadByFfprobeFrameForFrame() throws Exception {
        Clip clip = AnnexBReader.readFile(MediaFixtures.mainH265(), 25);
        Path file = mux(clip, VideoCodec.H265, 1280, 720, false);

        Ffprobe.StreamDescription stream = Ffprobe.stream(file);
        assertThat(stream.codecName()).isEqualTo("hevc");
        assertThat(stream.codecTag()).isEqualTo("hvc1");
        assertThat(stream.width()).isEqualTo(1280);
        assertFramesInOrder(file, clip.frameCount() * 2);
        assertThat(Ffprobe.decodedFrames(file)).isEqualTo(clip.frameCount() * 2);
    }

    @Test
    void knownNalStartsGiveTheSameFragmentsAsScanning() throws IOException {
        for (Clip clip : List.of(AnnexBReader.readFile(MediaFixtures.shortH264(), 25),
                AnnexBReader.readFile(MediaFixtures.mainH265(), 25))) {
            List<Sample> scanned = new ArrayList<>();
            List<Sample> known = new ArrayList<>();
            List<Sample> wrong = new ArrayList<>();
            for (int i = 0; i < clip.frameCount(); i++) {
                AccessUnit au = clip.frame(i);
                byte[] data = au.toAnnexB();
                int[] starts = new int[au.nalUnits().size()];
                for (int n = 1; n < starts.length; n++) {
                    starts[n] = starts[n - 1] + 4 + au.nalUnits().get(n - 1).length();
                }
                int[] offByOne = starts.clone();
                offByOne[starts.length - 1]++;
                long dts = i * 3600L;
                scanned.add(new Sample(dts, dts, 3600, au.keyframe(), data));
                known.add(new Sample(dts, dts, 3600, au.keyframe(), data, starts));
                wrong.add(new Sample(dts, dts, 3600, au.keyframe(), data, offByOne));
            }
            byte[] expected = Fmp4Muxer.fragment(7, scanned);
            assertThat(Fmp4Muxer.fragment(7, known)).isEqualTo(expected);
            // starts that do not point at start codes are not trusted: the access unit is scanned
            assertThat(Fmp4Muxer.fragment(7, wrong)).isEqualTo(expected);
        }
    }

    @Test
    void lengthPrefixedSamplesAreStoredAsTheyAre() throws Exception {
        Clip clip = AnnexBReader.readFile(MediaFixtures.shortH264(), 25);
        Path annexB = mux(clip, VideoCodec.H264, 1280, 720, false);
        Path prefixed = mux(clip, VideoCodec.H264, 1280, 720, true);
        assertThat(Files.mismatch(annexB, prefixed)).isEqualTo(-1L);
    }

    @Test
    void layoutReaderSeesEveryFragmentWithItsTiming() throws Exception {
        Clip clip = AnnexBReader.readFile(MediaFixtures.shortH264(), 25);
        Path file = mux(clip, VideoCodec.H264, 1280, 720, false);
        try (FileChannel ch = FileChannel.open(file)) {
            Mp4Layout layout = Mp4Layout.read(ch);
            assertThat(layout.timescale()).isEqualTo(90_000);
            assertThat(layout.validLength()).isEqualTo(layout.fileLength());
            assertThat(layout.frameCount()).isEqualTo(clip.frameCount() * 2);
            assertThat(layout.duration90k()).isEqualTo(clip.frameCount() * 2L * 3600);
            assertThat(layout.fragments()).allSatisfy(f -> assertThat(f.keyframe()).isTrue());
        }
    }

    @Test
    void fragmentIsAllocatedAtItsExactSize() throws Exception {
        Clip clip = AnnexBReader.readFile(MediaFixtures.shortH264(), 25);
        for (int frames : new int[] {1, 2, 25}) {
            List<Sample> samples = new ArrayList<>();
            long payload = 0;
            for (int i = 0; i < frames; i++) {
                AccessUnit au = clip.frame(i);
                samples.add(new Sample(i * 3600L, i * 3600L, 3600, au.keyframe(), bytes(au, false)));
                payload += au.nalUnits().stream().mapToLong(n -> 4 + n.length()).sum();
            }
            byte[] fragment = Fmp4Muxer.fragment(1, samples);
            // moof 8, mfhd 16, traf 8, tfhd 16, tfdt 20, trun 20 + 16 per sample, mdat 8: the buffer the muxer
            // sizes up front is the one it returns, so a recorder copies no fragment twice
            assertThat(fragment.length).as("%d frames", frames).isEqualTo(96 + 16 * frames + payload);
        }
    }

    @Test
    void codecStringsNameProfileAndLevel() throws Exception {
        Clip h264 = AnnexBReader.readFile(MediaFixtures.shortH264(), 25);
        Clip h265 = AnnexBReader.readFile(MediaFixtures.mainH265(), 25);
        String avc = Fmp4Muxer.codecString(format(h264, VideoCodec.H264, 1280, 720));
        byte[] sps = parameterSet(h264, id.pantau.recorder.virtualcam.media.VideoCodec.ParameterSetKind.SPS);
        assertThat(avc).isEqualTo(String.format("avc1.%02X%02X%02X", sps[1], sps[2], sps[3]));
        // x265 Main profile: profile 1, compatible with Main and Main 10
        assertThat(Fmp4Muxer.codecString(format(h265, VideoCodec.H265, 1280, 720)))
                .matches("hvc1\\.1\\.6\\.L\\d+(\\.[0-9A-F]{1,2})+");
    }

    @Test
    void hvccMatchesWhatFfmpegsMuxerWritesForTheSameStream() throws Exception {
        Path reference = dir.resolve("reference.mp4");
        id.pantau.recorder.testing.Processes.runOk(List.of("ffmpeg", "-v", "error", "-y", "-r", "25", "-i",
                MediaFixtures.mainH265().toString(), "-c", "copy", "-tag:v", "hvc1", reference.toString()), 60);
        byte[] theirs = box(Files.readAllBytes(reference), "hvcC");
        Clip clip = AnnexBReader.readFile(MediaFixtures.mainH265(), 25);
        byte[] ours = box(Fmp4Muxer.initSegment(format(clip, VideoCodec.H265, 1280, 720)), "hvcC");
        // profile, tier, level, compatibility and constraint flags, chroma format and bit depths
        assertThat(java.util.Arrays.copyOfRange(ours, 0, 13)).isEqualTo(java.util.Arrays.copyOfRange(theirs, 0, 13));
        assertThat(java.util.Arrays.copyOfRange(ours, 16, 19)).isEqualTo(java.util.Arrays.copyOfRange(theirs, 16, 19));
    }

    @Test
    void avccMatchesWhatFfmpegsMuxerWritesForTheSameStream() throws Exception {
        Path reference = dir.resolve("reference.mp4");
        id.pantau.recorder.testing.Processes.runOk(List.of("ffmpeg", "-v", "error", "-y", "-r", "25", "-i",
                MediaFixtures.shortH264().toString(), "-c", "copy", reference.toString()), 60);
        byte[] theirs = box(Files.readAllBytes(reference), "avcC");
        Clip clip = AnnexBReader.readFile(MediaFixtures.shortH264(), 25);
        byte[] ours = box(Fmp4Muxer.initSegment(format(clip, VideoCodec.H264, 1280, 720)), "avcC");
        assertThat(java.util.Arrays.copyOf(theirs, ours.length)).isEqualTo(ours);
    }

    /** The payload of the first box of this type, found by its four-character code. */
    private static byte[] box(byte[] file, String type) {
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 4; i + 4 <= file.length; i++) {
            if (file[i] == t[0] && file[i + 1] == t[1] && file[i + 2] == t[2] && file[i + 3] == t[3]) {
                int size = java.nio.ByteBuffer.wrap(file, i - 4, 4).getInt();
                return java.util.Arrays.copyOfRange(file, i + 4, i - 4 + size);
            }
        }
        throw new AssertionError("no " + type + " box");
    }

    @Test
    void rejectsWhatItCannotDescribe() {
        VideoFormat noParameterSets = new VideoFormat(VideoCodec.H264, 640, 360, new byte[0]);
        assertThatThrownBy(() -> Fmp4Muxer.initSegment(noParameterSets)).hasMessageContaining("without parameter sets");
        VideoFormat onlySps = new VideoFormat(VideoCodec.H264, 640, 360, new byte[] {0, 0, 0, 1, 0x67, 0x42, 0, 0x1e});
        assertThatThrownBy(() -> Fmp4Muxer.initSegment(onlySps)).hasMessageContaining("0 PPS");
        assertThatThrownBy(() -> Fmp4Muxer.fragment(1, List.of())).hasMessageContaining("at least one sample");
        Sample garbage = new Sample(0, 0, 3600, true, new byte[] {0x7f, 0x7f, 0x7f, 0x7f, 1});
        assertThatThrownBy(() -> Fmp4Muxer.fragment(1, List.of(garbage)))
                .hasMessageContaining("neither Annex-B nor length-prefixed");
    }

    /** Writes the clip twice over (continuous timestamps), one fragment per GOP. */
    private Path mux(Clip clip, VideoCodec codec, int width, int height, boolean lengthPrefixed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Fmp4Muxer.initSegment(format(clip, codec, width, height)));
        List<Sample> gop = new ArrayList<>();
        int sequence = 1;
        for (int i = 0; i < clip.frameCount() * 2; i++) {
            AccessUnit au = clip.frame(i);
            if (au.keyframe() && !gop.isEmpty()) {
                out.write(Fmp4Muxer.fragment(sequence++, gop));
                gop.clear();
            }
            long dts = i * 3600L;
            gop.add(new Sample(dts, dts, 3600, au.keyframe(), bytes(au, lengthPrefixed)));
        }
        out.write(Fmp4Muxer.fragment(sequence, gop));
        Path file = dir.resolve(codec + (lengthPrefixed ? "-prefixed" : "") + ".mp4");
        Files.write(file, out.toByteArray());
        return file;
    }

    private static void assertFramesInOrder(Path file, int frames) throws Exception {
        List<Ffprobe.Packet> packets = Ffprobe.packets(file);
        assertThat(packets).hasSize(frames);
        assertThat(packets.get(0).keyframe()).isTrue();
        for (int i = 0; i < packets.size(); i++) {
            assertThat(packets.get(i).dts()).as("dts of packet %d", i).isEqualTo(i * 3600L);
            assertThat(packets.get(i).duration()).isEqualTo(3600L);
        }
    }

    private static VideoFormat format(Clip clip, VideoCodec codec, int width, int height) {
        ByteArrayOutputStream extradata = new ByteArrayOutputStream();
        for (NalUnit nal : clip.parameterSets().values()) {
            extradata.write(0);
            extradata.write(0);
            extradata.write(0);
            extradata.write(1);
            extradata.write(nal.buffer(), nal.offset(), nal.length());
        }
        return new VideoFormat(codec, width, height, extradata.toByteArray());
    }

    private static byte[] parameterSet(Clip clip, id.pantau.recorder.virtualcam.media.VideoCodec.ParameterSetKind kind) {
        NalUnit nal = clip.parameterSet(kind);
        return java.util.Arrays.copyOfRange(nal.buffer(), nal.offset(), nal.offset() + nal.length());
    }

    private static byte[] bytes(AccessUnit au, boolean lengthPrefixed) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (NalUnit nal : au.nalUnits()) {
            if (lengthPrefixed) {
                b.write(nal.length() >>> 24);
                b.write(nal.length() >>> 16);
                b.write(nal.length() >>> 8);
                b.write(nal.length());
            } else {
                b.write(0);
                b.write(0);
                b.write(1);
            }
            b.write(nal.buffer(), nal.offset(), nal.length());
        }
        return b.toByteArray();
    }
}
