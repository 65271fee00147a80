package id.pantau.recorder.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Asks the camera to DESCRIBE the recorded stream and calls it up when it answers 200, or 401 (up, and the real
 * connection authenticates). A bare TCP connect is not enough: the kernel accepts connections for a server
 * process that is hung or stopped; nor is OPTIONS: a camera whose encoder is down still answers it while its
 * stream answers 503.
 */
public final class RtspDescribeProbe implements CameraProbe {

    @Override
    public boolean answers(CameraConfig camera, long timeoutMs) {
        if (!camera.url().startsWith("rtsp://")) {
            return false;
        }
        URI target = RtspUrls.hostAndPort(camera.url());
        int timeout = (int) Math.max(timeoutMs, 1);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), timeout);
            socket.setSoTimeout(timeout);
            OutputStream out = socket.getOutputStream();
            // the request line carries no credentials: a 401 already proves the camera is up
            String request = "DESCRIBE " + RtspUrls.withoutCredentials(camera.url()) + " RTSP/1.0\r\n"
                    + "CSeq: 1\r\nAccept: application/sdp\r\nUser-Agent: pantau-probe\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[12];
            int n = in.readNBytes(reply, 0, reply.length);
            String status = new String(reply, 0, n, StandardCharsets.US_ASCII);
            return status.startsWith("RTSP/1.") && (status.endsWith(" 200") || status.endsWith(" 401"));
        } catch (IOException e) {
            return false;
        }
    }
}
