package id.pantau.recorder.motion;

/**
 * How a camera's motion analysis is doing.
 *
 * @param stream        "sub", or "main" when only keyframes of the main stream are analysed
 * @param lastFailure   why the analysis stream last broke off, or null
 */
public record MotionStatus(String cameraId, String stream, boolean keyframesOnly, AnalyserStats stats,
                           String lastFailure) {
}
