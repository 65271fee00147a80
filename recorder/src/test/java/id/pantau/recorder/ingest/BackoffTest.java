package id.pantau.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    /** A "random" source that always returns the same fraction. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @ParameterizedTest(name = "attempt {0}, random {1} -> {2} ms")
    @CsvSource({
        "0,   0.5, 1000",
        "1,   0.5, 2000",
        "2,   0.5, 4000",
        "3,   0.5, 8000",
        "4,   0.5, 16000",
        "5,   0.5, 30000",
        "40,  0.5, 30000",
        "100, 0.5, 30000",
        "0,   0.0, 800",
        "0,   1.0, 1200",
        "2,   0.0, 3200",
        "3,   1.0, 9600",
        "5,   0.0, 24000",
        "5,   1.0, 30000",
    })
    void doublesFromOneSecondToThirtyWithTwentyPercentJitter(int attempt, double random, long expectedMs) {
        assertThat(new Backoff(1_000, 30_000, fixed(random)).delayMs(attempt)).isEqualTo(expectedMs);
    }
}
