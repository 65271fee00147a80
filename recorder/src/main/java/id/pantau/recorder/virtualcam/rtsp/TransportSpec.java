package id.pantau.recorder.virtualcam.rtsp;

import java.util.Locale;

/** The parts of an RTSP Transport header this server acts on (RFC 2326 section 12.39). */
public record TransportSpec(boolean interleaved, int rtpChannel, int rtcpChannel, int clientRtpPort,
                            int clientRtcpPort) {

    /** Parses the first transport a client offers; returns null when it is not RTP/AVP. */
    public static TransportSpec parse(String header) {
        if (header == null) {
            return null;
        }
        String first = header.split(",", 2)[0].trim();
        String[] parts = first.split(";");
        String protocol = parts[0].trim().toUpperCase(Locale.ROOT);
        boolean tcp;
        if (protocol.equals("RTP/AVP/TCP")) {
            tcp = true;
        } else if (protocol.equals("RTP/AVP") || protocol.equals("RTP/AVP/UDP")) {
            tcp = false;
        } else {
            return null;
        }
        int[] channels = {0, 1};
        int[] ports = {-1, -1};
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            String lower = part.toLowerCase(Locale.ROOT);
            if (lower.startsWith("interleaved=")) {
                tcp = true;
                channels = range(part.substring("interleaved=".length()));
            } else if (lower.startsWith("client_port=")) {
                ports = range(part.substring("client_port=".length()));
            }
        }
        if (channels == null || ports == null) {
            return null;
        }
        return new TransportSpec(tcp, channels[0], channels[1], ports[0], ports[1]);
    }

    private static int[] range(String value) {
        try {
            String[] bounds = value.split("-", 2);
            int low = Integer.parseInt(bounds[0].trim());
            int high = bounds.length > 1 ? Integer.parseInt(bounds[1].trim()) : low + 1;
            return new int[] {low, high};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Value of the Transport header in the SETUP answer. */
    public String toResponseHeader(int ssrc, int serverRtpPort, int serverRtcpPort) {
        String ssrcHex = String.format("%08X", ssrc);
        if (interleaved) {
            return "RTP/AVP/TCP;unicast;interleaved=" + rtpChannel + "-" + rtcpChannel + ";ssrc=" + ssrcHex;
        }
        return "RTP/AVP;unicast;client_port=" + clientRtpPort + "-" + clientRtcpPort
                + ";server_port=" + serverRtpPort + "-" + serverRtcpPort + ";ssrc=" + ssrcHex;
    }
}
