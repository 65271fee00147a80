package id.pantau.recorder.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FragmentPolicyTest {

    @ParameterizedTest(name = "so far {0} + frame {1}, key {2} -> flush {3}")
    @CsvSource({
        "0,     3600,  true,  false",   // empty fragment: never flush
        "0,     3600,  false, false",
        "86400, 3600,  false, false",   // exactly 1 s after this frame: still fits
        "86400, 3601,  false, true",    // would exceed 1 s
        "90000, 3600,  false, true",
        "36000, 3600,  true,  true",    // keyframe starts a new fragment
        "14400, 3600,  true,  false",   // ... unless the open one is shorter than the minimum (all-intra streams)
        "18000, 3600,  true,  true",
        "3600,  90000, false, true",    // one long frame after a short gap still closes the open fragment
    })
    void flushesBeforeKeyframesAndBeforeExceedingOneSecond(long soFar90k, long frame90k, boolean key, boolean flush) {
        assertThat(FragmentPolicy.DEFAULT.flushBefore(soFar90k, frame90k, key)).isEqualTo(flush);
    }
}
