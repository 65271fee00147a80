package id.pantau.recorder.ingest;

import id.pantau.recorder.segment.RunStartReason;

/**
 * Decides from consecutive access units whether media time is still continuous: a DTS that does not move
 * forward, one that leaps further than the bound, or changed codec parameters start a new run.
 */
public record TimestampJudge(long forwardLimit90k) {

    public TimestampJudge {
        if (forwardLimit90k <= 0) {
            throw new IllegalArgumentException("forward limit must be positive");
        }
    }

    public RunDecision judge(long previousDts90k, long dts90k, boolean codecChanged) {
        if (codecChanged) {
            return RunDecision.newRun(RunStartReason.CODEC_CHANGED);
        }
        if (dts90k <= previousDts90k) {
            return RunDecision.newRun(RunStartReason.TIMESTAMP_BACKWARDS);
        }
        if (dts90k - previousDts90k > forwardLimit90k) {
            return RunDecision.newRun(RunStartReason.TIMESTAMP_JUMP_FORWARD);
        }
        return RunDecision.CONTINUE;
    }
}
