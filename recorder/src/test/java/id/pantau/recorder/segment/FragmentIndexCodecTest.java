package id.pantau.recorder.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FragmentIndexCodecTest {

    static List<Fragment> contiguous(long initLength, long[][] durationLengthFrames) {
        List<Fragment> list = new ArrayList<>();
        long start = 0;
        long offset = initLength;
        for (long[] f : durationLengthFrames) {
            list.add(new Fragment(start, f[0], offset, f[1], (int) f[2], f[3] == 1));
            start += f[0];
            offset += f[1];
        }
        return list;
    }

    @Test
    void emptyIndexRoundTrips() {
        assertThat(FragmentIndexCodec.decode(FragmentIndexCodec.encode(List.of()))).isEmpty();
    }

    @Test
    void typicalIndexRoundTrips() {
        List<Fragment> fragments = contiguous(1234, new long[][] {
            {90_000, 250_000, 25, 1}, {86_400, 98_765, 24, 0}, {3_600, 12_000, 1, 1}, {1, 1, 1, 0}});
        String text = FragmentIndexCodec.encode(fragments);
        assertThat(FragmentIndexCodec.decode(text)).isEqualTo(fragments);
        assertThat(text).matches("[A-Za-z0-9+/]+");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42})
    void randomIndexesRoundTripAndStayCompact(long seed) {
        Random random = new Random(seed);
        long[][] rows = new long[300][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new long[] {1 + random.nextInt(90_000), 1 + random.nextInt(2_000_000), 1 + random.nextInt(60),
                random.nextBoolean() ? 1 : 0};
        }
        List<Fragment> fragments = contiguous(random.nextInt(5_000), rows);
        String text = FragmentIndexCodec.encode(fragments);
        assertThat(FragmentIndexCodec.decode(text)).isEqualTo(fragments);
        // 300 fragments is the most a 60 s segment can have with the default policy; the column holds 32000
        assertThat(text.length()).isLessThan(4_000);
    }

    @Test
    void minuteOfOneSecondFragmentsNeedsUnderSixHundredCharacters() {
        long[][] rows = new long[60][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new long[] {90_000, 260_000, 25, i % 2 == 0 ? 1 : 0};
        }
        assertThat(FragmentIndexCodec.encode(contiguous(900, rows)).length()).isLessThan(600);
    }

    @Test
    void rejectsGapsAndGarbage() {
        List<Fragment> gap = List.of(new Fragment(0, 100, 10, 50, 1, true), new Fragment(100, 100, 61, 50, 1, false));
        assertThatThrownBy(() -> FragmentIndexCodec.encode(gap)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FragmentIndexCodec.decode("AQ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FragmentIndexCodec.decode("Ag")).isInstanceOf(IllegalArgumentException.class);
    }
}
