package id.pantau.recorder.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentCutPolicyTest {

    @ParameterizedTest(name = "elapsed {0} key {1} -> cut {2}")
    @CsvSource({
        "0,       true,  false",
        "5399999, true,  false",
        "5400000, true,  true",
        "5400000, false, false",
        "9000000, false, false",
        "9000000, true,  true",
    })
    void cutsAtFirstKeyframeAfterTarget(long elapsed90k, boolean keyframe, boolean cut) {
        assertThat(SegmentCutPolicy.ofSeconds(60).cutBefore(elapsed90k, keyframe)).isEqualTo(cut);
    }

    @ParameterizedTest
    @CsvSource({"0", "-1"})
    void rejectsNonPositiveTarget(long target90k) {
        assertThatThrownBy(() -> new SegmentCutPolicy(target90k)).isInstanceOf(IllegalArgumentException.class);
    }
}
