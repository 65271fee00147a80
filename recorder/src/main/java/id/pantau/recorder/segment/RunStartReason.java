package id.pantau.recorder.segment;

/** Why a run (an unbroken stretch of media time) started. */
public enum RunStartReason {
    FIRST,
    RECONNECT,
    TIMESTAMP_BACKWARDS,
    TIMESTAMP_JUMP_FORWARD,
    CODEC_CHANGED,
    RECOVERED
}
