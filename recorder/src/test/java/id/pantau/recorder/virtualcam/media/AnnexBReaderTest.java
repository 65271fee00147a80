package id.pantau.recorder.virtualcam.media;

import id.pantau.recorder.virtualcam.MediaFixtures;
import id.pantau.recorder.virtualcam.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnnexBReaderTest {

    // H.264 NAL units: header byte, then a first payload byte whose top bit is first_mb_in_slice == 0
    private static final byte[] SPS = {0x67, 0x64, 0x00, 0x1F, (byte) 0xAC};
    private static final byte[] PPS = {0x68, (byte) 0xEE, 0x3C, (byte) 0x80};
    private static final byte[] SEI = {0x06, 0x05, 0x01, 0x02};
    private static final byte[] IDR_FIRST = {0x65, (byte) 0x88, 0x11, 0x22};
    private static final byte[] IDR_SECOND_SLICE = {0x65, 0x08, 0x33, 0x44};
    private static final byte[] P_FIRST = {0x41, (byte) 0x9A, 0x55};
    private static final byte[] P_SECOND_SLICE = {0x41, 0x1A, 0x66};

    // H.265 NAL units: two header bytes (type << 1, layer/tid 0x01), then first_slice_segment_in_pic_flag
    private static final byte[] VPS = {0x40, 0x01, 0x0C, 0x01};
    private static final byte[] SPS_265 = {0x42, 0x01, 0x01, 0x01};
    private static final byte[] PPS_265 = {0x44, 0x01, (byte) 0xC1, 0x72};
    private static final byte[] IDR_W_RADL = {0x26, 0x01, (byte) 0xAF, 0x01};
    private static final byte[] CRA = {0x2A, 0x01, (byte) 0xAF, 0x02};
    private static final byte[] TRAIL_R = {0x02, 0x01, (byte) 0xD0, 0x03};

    static Stream<Arguments> h264Streams() {
        return Stream.of(
                Arguments.of("single-slice frames", List.of(SPS, PPS, IDR_FIRST, P_FIRST, P_FIRST),
                        List.of(List.of(SPS, PPS, IDR_FIRST), List.of(P_FIRST), List.of(P_FIRST)),
                        List.of(true, false, false)),
                Arguments.of("multi-slice frames stay one access unit",
                        List.of(SPS, PPS, IDR_FIRST, IDR_SECOND_SLICE, P_FIRST, P_SECOND_SLICE),
                        List.of(List.of(SPS, PPS, IDR_FIRST, IDR_SECOND_SLICE), List.of(P_FIRST, P_SECOND_SLICE)),
                        List.of(true, false)),
                Arguments.of("SEI opens the next access unit", List.of(SPS, PPS, IDR_FIRST, SEI, P_FIRST),
                        List.of(List.of(SPS, PPS, IDR_FIRST), List.of(SEI, P_FIRST)),
                        List.of(true, false)),
                Arguments.of("frames before the first keyframe are dropped",
                        List.of(SPS, PPS, P_FIRST, IDR_FIRST, P_FIRST),
                        List.of(List.of(SPS, PPS, IDR_FIRST), List.of(P_FIRST)),
                        List.of(true, false)),
                Arguments.of("a keyframe without parameter sets gets them in front",
                        List.of(SPS, PPS, IDR_FIRST, P_FIRST, IDR_FIRST),
                        List.of(List.of(SPS, PPS, IDR_FIRST), List.of(P_FIRST), List.of(SPS, PPS, IDR_FIRST)),
                        List.of(true, false, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("h264Streams")
    void groupsH264AccessUnits(String name, List<byte[]> nals, List<List<byte[]>> expectedFrames,
                               List<Boolean> expectedKeyframes) {
        Clip clip = new AnnexBReader(VideoCodec.H264).read(annexB(nals), 25);

        assertFrames(clip, expectedFrames, expectedKeyframes);
        assertThat(clip.parameterSet(VideoCodec.ParameterSetKind.SPS).toByteArray()).isEqualTo(SPS);
        assertThat(clip.parameterSet(VideoCodec.ParameterSetKind.PPS).toByteArray()).isEqualTo(PPS);
    }

    static Stream<Arguments> h265Streams() {
        return Stream.of(
                Arguments.of("IDR then trailing pictures", List.of(VPS, SPS_265, PPS_265, IDR_W_RADL, TRAIL_R),
                        List.of(List.of(VPS, SPS_265, PPS_265, IDR_W_RADL), List.of(TRAIL_R)),
                        List.of(true, false)),
                Arguments.of("CRA is a keyframe and gets the parameter sets",
                        List.of(VPS, SPS_265, PPS_265, IDR_W_RADL, TRAIL_R, CRA),
                        List.of(List.of(VPS, SPS_265, PPS_265, IDR_W_RADL), List.of(TRAIL_R),
                                List.of(VPS, SPS_265, PPS_265, CRA)),
                        List.of(true, false, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("h265Streams")
    void groupsH265AccessUnits(String name, List<byte[]> nals, List<List<byte[]>> expectedFrames,
                               List<Boolean> expectedKeyframes) {
        Clip clip = new AnnexBReader(VideoCodec.H265).read(annexB(nals), 25);

        assertFrames(clip, expectedFrames, expectedKeyframes);
        assertThat(clip.parameterSet(VideoCodec.ParameterSetKind.VPS).toByteArray()).isEqualTo(VPS);
    }

    @Test
    void stripsTrailingZerosAndAcceptsThreeAndFourByteStartCodes() {
        byte[] stream = {0, 0, 0, 1, 0x67, 0x64, 0, 0, 0, 1, 0x68, (byte) 0xEE, 0, 0, 1, 0x65, (byte) 0x88, 0, 0};

        List<NalUnit> nals = new AnnexBReader(VideoCodec.H264).splitNalUnits(stream);

        assertThat(nals).extracting(NalUnit::toByteArray)
                .containsExactly(new byte[] {0x67, 0x64}, new byte[] {0x68, (byte) 0xEE}, new byte[] {0x65, (byte) 0x88});
    }

    @Test
    void rejectsStreamWithoutParameterSets() {
        assertThatThrownBy(() -> new AnnexBReader(VideoCodec.H264).read(annexB(List.of(IDR_FIRST, P_FIRST)), 25))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SPS");
    }

    @Test
    void readsGeneratedH264MainStream() throws IOException {
        Clip clip = AnnexBReader.readFile(MediaFixtures.mainH264(), 25);

        assertGeneratedClip(clip, VideoCodec.H264, 2);
        // about 2 Mbit/s: 20 s of video in 4..6 MB
        assertThat(clip.totalBytes()).isBetween(4_000_000L, 6_000_000L);
    }

    @Test
    void readsGeneratedH265MainStream() throws IOException {
        Clip clip = AnnexBReader.readFile(MediaFixtures.mainH265(), 25);

        assertGeneratedClip(clip, VideoCodec.H265, 3);
    }

    private static void assertGeneratedClip(Clip clip, VideoCodec codec, int parameterSets) {
        assertThat(clip.codec()).isEqualTo(codec);
        assertThat(clip.frameCount()).isEqualTo(TestMedia.DEFAULT_SECONDS * TestMedia.FRAME_RATE);
        for (int i = 0; i < clip.frameCount(); i++) {
            AccessUnit frame = clip.frame(i);
            assertThat(frame.keyframe()).as("frame %d is a keyframe", i)
                    .isEqualTo(i % TestMedia.Kind.MAIN_H264.gopFrames() == 0);
            if (frame.keyframe()) {
                assertThat(frame.nalUnits().stream().filter(nal -> codec.parameterSetKind(nal.type(codec)) != null))
                        .hasSize(parameterSets);
            }
        }
    }

    private static void assertFrames(Clip clip, List<List<byte[]>> expectedFrames, List<Boolean> keyframes) {
        assertThat(clip.frameCount()).isEqualTo(expectedFrames.size());
        for (int i = 0; i < expectedFrames.size(); i++) {
            assertThat(clip.frame(i).nalUnits()).extracting(NalUnit::toByteArray)
                    .as("frame %d", i).containsExactlyElementsOf(expectedFrames.get(i));
            assertThat(clip.frame(i).keyframe()).as("keyframe %d", i).isEqualTo(keyframes.get(i));
        }
    }

    private static byte[] annexB(List<byte[]> nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] nal : nals) {
            out.writeBytes(new byte[] {0, 0, 0, 1});
            out.writeBytes(nal);
        }
        return out.toByteArray();
    }
}
