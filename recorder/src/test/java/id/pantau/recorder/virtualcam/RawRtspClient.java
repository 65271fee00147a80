package id.pantau.recorder.virtualcam;

import id.pantau.recorder.virtualcam.RtspWire.Packet;
import id.pantau.recorder.virtualcam.RtspWire.Response;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A bare RTSP/TCP client for tests that need to see every byte: requests, responses and RTP packets. */
public final class RawRtspClient implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private int cseq;
    private String session;

    public RawRtspClient(int port, int readTimeoutMs) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), readTimeoutMs);
        socket.setSoTimeout(readTimeoutMs);
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        out = socket.getOutputStream();
    }

    public Socket socket() {
        return socket;
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends a request and returns its response, skipping any RTP packets that arrive before it. */
    public Response request(String method, String uri, String... headers) throws IOException {
        StringBuilder request = new StringBuilder(method).append(' ').append(uri).append(" RTSP/1.0\r\n")
                .append("CSeq: ").append(++cseq).append("\r\n");
        if (session != null) {
            request.append("Session: ").append(session).append("\r\n");
        }
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        sendRaw(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        while (true) {
            RtspWire.Message message = RtspWire.read(in);
            if (message instanceof Response response) {
                return response;
            }
        }
    }

    /** DESCRIBE, SETUP (TCP interleaved) and PLAY; fails unless all three answer 200. */
    public Response play(String url) throws IOException {
        expectOk(request("DESCRIBE", url, "Accept: application/sdp"));
        Response setup = expectOk(request("SETUP", url + "/trackID=0", "Transport: RTP/AVP/TCP;unicast;interleaved=0-1"));
        session = setup.header("Session").split(";")[0];
        return expectOk(request("PLAY", url + "/"));
    }

    /** Next RTP packet; responses in between are skipped. */
    public Packet nextPacket() throws IOException {
        while (true) {
            RtspWire.Message message = RtspWire.read(in);
            if (message instanceof Packet packet) {
                return packet;
            }
        }
    }

    /** Packets up to and including the next one with the marker bit: one access unit. */
    public List<Packet> nextFrame() throws IOException {
        List<Packet> frame = new ArrayList<>();
        Packet packet;
        do {
            packet = nextPacket();
            frame.add(packet);
        } while (!packet.marker());
        return frame;
    }

    /** Reads what the server sent before it closes; true when the connection reached end of stream. */
    public boolean readsToEnd() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            if (in.read(buffer) < 0) {
                return true;
            }
        }
    }

    private static Response expectOk(Response response) throws IOException {
        if (response.status() != 200) {
            throw new IOException("Expected 200, got " + response.statusLine());
        }
        return response;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
