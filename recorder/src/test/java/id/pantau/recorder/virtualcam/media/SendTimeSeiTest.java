package id.pantau.recorder.virtualcam.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendTimeSeiTest {

    private static final NalUnit SPS = NalUnit.of(new byte[] {0x67, 0x42, 0x00, 0x1f});
    private static final NalUnit PPS = NalUnit.of(new byte[] {0x68, (byte) 0xce, 0x3c, (byte) 0x80});
    private static final NalUnit IDR = NalUnit.of(new byte[] {0x65, (byte) 0x88, (byte) 0x84, 0x00});

    @Test
    void h264SeiGoesAfterTheParameterSetsAndBeforeTheSliceWithTheTimeAsDigits() {
        AccessUnit stamped = SendTimeSei.stamp(new AccessUnit(List.of(SPS, PPS, IDR), true), VideoCodec.H264,
                1_795_000_123_456L);

        assertThat(stamped.keyframe()).isTrue();
        assertThat(stamped.nalUnits()).hasSize(4);
        assertThat(stamped.nalUnits().get(0)).isSameAs(SPS);
        assertThat(stamped.nalUnits().get(3)).isSameAs(IDR);
        byte[] sei = stamped.nalUnits().get(2).toByteArray();
        assertThat(sei[0]).isEqualTo((byte) 6);
        assertThat(sei[1]).isEqualTo((byte) 5);
        assertThat(sei[2] & 0xFF).isEqualTo(16 + 13);
        assertThat(new String(Arrays.copyOfRange(sei, 3, 19), StandardCharsets.US_ASCII)).isEqualTo("PantauSendTimeMs");
        assertThat(new String(Arrays.copyOfRange(sei, 19, 32), StandardCharsets.US_ASCII)).isEqualTo("1795000123456");
        assertThat(sei[sei.length - 1]).isEqualTo((byte) 0x80);
        for (int i = 1; i < sei.length; i++) {
            assertThat(sei[i - 1] == 0 && sei[i] == 0).as("two zero bytes at %d need emulation prevention", i).isFalse();
        }
    }

    @Test
    void h265SeiHasAPrefixSeiHeader() {
        NalUnit slice = NalUnit.of(new byte[] {0x02, 0x01, (byte) 0xd0});
        AccessUnit stamped = SendTimeSei.stamp(new AccessUnit(List.of(slice), false), VideoCodec.H265, 42L);
        byte[] sei = stamped.nalUnits().get(0).toByteArray();
        assertThat(VideoCodec.H265.nalType(sei[0])).isEqualTo(39);
        assertThat(sei[1]).isEqualTo((byte) 1);
        assertThat(stamped.nalUnits().get(1)).isSameAs(slice);
    }
}
