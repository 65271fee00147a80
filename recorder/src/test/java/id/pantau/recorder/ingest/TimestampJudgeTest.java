package id.pantau.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.segment.RunStartReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampJudgeTest {

    private final TimestampJudge judge = new TimestampJudge(900_000);

    @ParameterizedTest(name = "{0} -> {1}, codec changed {2}: {3}")
    @CsvSource({
        "1000,  4600,    false, ",
        "1000,  1001,    false, ",
        "1000,  901000,  false, ",
        "1000,  901001,  false, TIMESTAMP_JUMP_FORWARD",
        "1000,  1000,    false, TIMESTAMP_BACKWARDS",
        "1000,  999,     false, TIMESTAMP_BACKWARDS",
        "1000,  -50000,  false, TIMESTAMP_BACKWARDS",
        "1000,  4600,    true,  CODEC_CHANGED",
        "1000,  999,     true,  CODEC_CHANGED",
    })
    void decidesRunContinuity(long previous, long next, boolean codecChanged, RunStartReason expected) {
        RunDecision decision = judge.judge(previous, next, codecChanged);
        assertThat(decision.newRun()).isEqualTo(expected != null);
        assertThat(decision.reason()).isEqualTo(expected);
    }
}
