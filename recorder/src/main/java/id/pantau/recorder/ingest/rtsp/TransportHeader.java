package id.pantau.recorder.ingest.rtsp;

import java.util.Locale;

/**
 * The Transport header of SETUP (RFC 2326 section 12.39): what the client asks for, and the interleaved
 * channels or server ports the camera answers with.
 */
record TransportHeader(boolean interleaved, int rtpChannel, int rtcpChannel, int serverRtpPort) {

    static String requestTcp() {
        return "RTP/AVP/TCP;unicast;interleaved=0-1";
    }

    static String requestUdp(int clientRtpPort, int clientRtcpPort) {
        return "RTP/AVP;unicast;client_port=" + clientRtpPort + "-" + clientRtcpPort;
    }

    /** The camera's answer; a camera that leaves out the channels uses the ones asked for. */
    static TransportHeader parse(String value) {
        boolean interleaved = false;
        int rtp = 0;
        int rtcp = 1;
        int serverRtp = -1;
        if (value != null) {
            for (String part : value.split(";")) {
                String p = part.strip().toLowerCase(Locale.ROOT);
                if (p.startsWith("rtp/avp/tcp")) {
                    interleaved = true;
                } else if (p.startsWith("interleaved=")) {
                    interleaved = true;
                    int[] range = range(p.substring("interleaved=".length()));
                    rtp = range[0];
                    rtcp = range[1];
                } else if (p.startsWith("server_port=")) {
                    serverRtp = range(p.substring("server_port=".length()))[0];
                }
            }
        }
        return new TransportHeader(interleaved, rtp, rtcp, serverRtp);
    }

    private static int[] range(String text) {
        String[] ends = text.split("-");
        try {
            int first = Integer.parseInt(ends[0].strip());
            int second = ends.length > 1 ? Integer.parseInt(ends[1].strip()) : first + 1;
            return new int[] {first, second};
        } catch (NumberFormatException e) {
            return new int[] {-1, -1};
        }
    }
}
