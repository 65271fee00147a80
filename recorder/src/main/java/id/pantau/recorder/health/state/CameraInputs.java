package id.pantau.recorder.health.state;

/**
 * Everything a camera's state is decided from.
 *
 * @param link          the state of the link under the camera; null if it has none or it is not known yet
 * @param stream        the recorder's view; null when this node does not record the camera
 * @param probeAnswers  whether the camera answered an RTSP probe; null when not probed
 * @param expectedFps   the frame rate the camera should deliver; 0 or less: not checked
 * @param minBitrateBps the lowest acceptable bitrate; 0 or less: not checked
 */
public record CameraInputs(boolean enabled, LinkHealthState link, StreamSample stream, Boolean probeAnswers,
                           double expectedFps, long minBitrateBps) {
}
