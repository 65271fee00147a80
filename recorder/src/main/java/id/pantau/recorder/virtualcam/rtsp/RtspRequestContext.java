package id.pantau.recorder.virtualcam.rtsp;

import io.netty.channel.Channel;

/**
 * The parts of a request a mount resolver needs: {@code path} is the mount path the URI names (track suffix
 * removed), {@code authorization} the header or null, {@code connection} the RTSP connection it came on.
 */
public record RtspRequestContext(String method, String uri, String path, String authorization, Channel connection) {
}
