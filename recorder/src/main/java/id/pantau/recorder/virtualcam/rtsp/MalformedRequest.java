package id.pantau.recorder.virtualcam.rtsp;

/** Bytes on the RTSP connection that are neither an RTSP/1.0 request nor an interleaved frame. */
public record MalformedRequest(String reason) {
}
