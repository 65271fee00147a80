package id.pantau.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.segment.VideoCodec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parameter-set extraction, the garbage check and the first-slice check on hand-made Annex-B units. */
class NalUnitsTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static final String SPS = "00000001 6742c01e aabb";
    private static final String PPS = "00000001 68ce3c80";
    private static final String IDR_FIRST_SLICE = "00000001 6588 8400";
    private static final String IDR_LATER_SLICE = "00000001 6500 1234";

    @Test
    void extractsParameterSetsIgnoringRepeatsAndOrder() {
        byte[] a = ParameterSets.extract(VideoCodec.H264, hex(SPS + PPS + IDR_FIRST_SLICE));
        byte[] b = ParameterSets.extract(VideoCodec.H264, hex(PPS + SPS + "000001 06 0501" + SPS + IDR_FIRST_SLICE));
        assertThat(a).isEqualTo(b).isEqualTo(hex(SPS + PPS));
        assertThat(ParameterSets.isComplete(VideoCodec.H264, a)).isTrue();
        assertThat(ParameterSets.isComplete(VideoCodec.H264, hex(SPS))).isFalse();
        assertThat(ParameterSets.extract(VideoCodec.H264, hex(IDR_FIRST_SLICE))).isEmpty();
    }

    @Test
    void changedSpsIsDifferent() {
        byte[] a = ParameterSets.extract(VideoCodec.H264, hex(SPS + PPS + IDR_FIRST_SLICE));
        byte[] b = ParameterSets.extract(VideoCodec.H264, hex("00000001 6742c01f aabb" + PPS + IDR_FIRST_SLICE));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void h265NeedsVpsSpsAndPps() {
        String vps = "00000001 4001 0c01";
        String sps = "00000001 4201 0101";
        String pps = "00000001 4401 c172";
        String idr = "00000001 2601 af00";
        byte[] ps = ParameterSets.extract(VideoCodec.H265, hex(vps + sps + pps + idr));
        assertThat(ps).isEqualTo(hex(vps + sps + pps));
        assertThat(ParameterSets.isComplete(VideoCodec.H265, ps)).isTrue();
        assertThat(ParameterSets.isComplete(VideoCodec.H265, hex(sps + pps))).isFalse();
        assertThat(NalSanity.startsPicture(VideoCodec.H265, hex(vps + sps + pps + idr))).isTrue();
        assertThat(NalSanity.startsPicture(VideoCodec.H265, hex("00000001 2601 2f00"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "'00000001 6588 8400', true",
        "'000001 6588 8400', true",
        "'00000003 658884', true",
        "'00000001 e588 8400', false",
        "'deadbeef 0102 0304', false",
        "'0000', false",
    })
    void plausibleAccessUnits(String data, boolean plausible) {
        assertThat(NalSanity.plausible(hex(data))).isEqualTo(plausible);
    }

    @Test
    void recognisesTheFirstSliceOfAPicture() {
        assertThat(NalSanity.startsPicture(VideoCodec.H264, hex(SPS + PPS + IDR_FIRST_SLICE + IDR_LATER_SLICE)))
                .isTrue();
        assertThat(NalSanity.startsPicture(VideoCodec.H264, hex(IDR_LATER_SLICE + IDR_LATER_SLICE))).isFalse();
        assertThat(NalSanity.startsPicture(VideoCodec.H264, hex(SPS + PPS))).isFalse();
    }
}
