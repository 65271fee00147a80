package id.pantau.recorder.virtualcam.rtsp;

import id.pantau.recorder.virtualcam.media.Clip;
import id.pantau.recorder.virtualcam.media.VideoCodec;
import id.pantau.recorder.virtualcam.media.VideoCodec.ParameterSetKind;

import java.util.Base64;

/** Builds the SDP a DESCRIBE answers with: one live video track with its parameter sets (RFC 6184, RFC 7798). */
public final class SessionDescription {

    public static final int PAYLOAD_TYPE = 96;
    public static final String TRACK_CONTROL = "trackID=0";
    static final String DEFAULT_TITLE = "Pantau virtual camera";

    private SessionDescription() {
    }

    public static String of(Clip clip, long sessionId, String serverAddress) {
        return of(MediaDescription.of(clip), sessionId, serverAddress, DEFAULT_TITLE);
    }

    public static String of(MediaDescription media, long sessionId, String serverAddress, String title) {
        String ipVersion = serverAddress.contains(":") ? "IP6" : "IP4";
        StringBuilder sdp = new StringBuilder(512)
                .append("v=0\r\n")
                .append("o=- ").append(sessionId).append(" 1 IN ").append(ipVersion).append(' ')
                .append(serverAddress).append("\r\n")
                .append("s=").append(title).append("\r\n")
                .append("c=IN ").append(ipVersion).append(' ').append(ipVersion.equals("IP6") ? "::" : "0.0.0.0")
                .append("\r\n")
                .append("t=0 0\r\n")
                .append("a=control:*\r\n")
                .append("a=range:npt=now-\r\n")
                .append("m=video 0 RTP/AVP ").append(PAYLOAD_TYPE).append("\r\n")
                .append("a=rtpmap:").append(PAYLOAD_TYPE).append(' ').append(media.codec().rtpEncodingName())
                .append("/90000\r\n")
                .append("a=fmtp:").append(PAYLOAD_TYPE).append(' ').append(formatParameters(media)).append("\r\n")
                .append("a=framerate:").append(media.frameRate()).append("\r\n")
                .append("a=control:").append(TRACK_CONTROL).append("\r\n");
        return sdp.toString();
    }

    static String formatParameters(MediaDescription media) {
        if (media.codec() == VideoCodec.H264) {
            byte[] sps = media.parameterSet(ParameterSetKind.SPS);
            String profileLevelId = String.format("%02x%02x%02x", sps[1], sps[2], sps[3]);
            return "packetization-mode=1;profile-level-id=" + profileLevelId
                    + ";sprop-parameter-sets=" + base64(sps) + "," + base64(media.parameterSet(ParameterSetKind.PPS));
        }
        return "sprop-vps=" + base64(media.parameterSet(ParameterSetKind.VPS))
                + ";sprop-sps=" + base64(media.parameterSet(ParameterSetKind.SPS))
                + ";sprop-pps=" + base64(media.parameterSet(ParameterSetKind.PPS));
    }

    private static String base64(byte[] nal) {
        return Base64.getEncoder().encodeToString(nal);
    }
}
