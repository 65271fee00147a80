package id.pantau.recorder.virtualcam.rtsp;

/** An interleaved binary frame a client sent on the RTSP connection (usually an RTCP receiver report). */
public record InterleavedFrame(int channel, int length) {
}
