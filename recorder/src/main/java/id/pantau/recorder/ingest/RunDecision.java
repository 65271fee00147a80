package id.pantau.recorder.ingest;

import id.pantau.recorder.segment.RunStartReason;

/** Whether a frame continues the current run or starts a new one, and why. */
public record RunDecision(boolean newRun, RunStartReason reason) {

    public static final RunDecision CONTINUE = new RunDecision(false, null);

    public static RunDecision newRun(RunStartReason reason) {
        return new RunDecision(true, reason);
    }
}
