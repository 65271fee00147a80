package id.pantau.recorder.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends an RTSP OPTIONS request and waits for any RTSP reply. A bare TCP connect is not enough: the kernel
 * accepts connections for a server process that is hung or stopped.
 */
public final class RtspOptionsProbe implements CameraProbe {

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
            String request = "OPTIONS rtsp://" + target.getHost() + ":" + target.getPort() + "/ RTSP/1.0\r\n"
                    + "CSeq: 1\r\nUser-Agent: pantau-probe\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[8];
            int n = in.readNBytes(reply, 0, reply.length);
            return n == reply.length && new String(reply, StandardCharsets.US_ASCII).startsWith("RTSP/1.");
        } catch (IOException e) {
            return false;
        }
    }
}
