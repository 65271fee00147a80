package id.pantau.recorder.virtualcam;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Test-side reader of what an RTSP server sends: responses and "$"-interleaved RTP packets. */
public final class RtspWire {

    private RtspWire() {
    }

    /** Either an RTSP response or an interleaved packet. */
    public sealed interface Message permits Response, Packet {
    }

    /** An RTSP response; header names are case-insensitive. */
    public record Response(int status, String statusLine, Map<String, String> headers, String body)
            implements Message {

        public String header(String name) {
            return headers.get(name);
        }
    }

    /** One interleaved frame; on an RTP channel its data is an RTP packet. */
    public record Packet(int channel, byte[] data) implements Message {

        public boolean marker() {
            return (data[1] & 0x80) != 0;
        }

        public int payloadType() {
            return data[1] & 0x7F;
        }

        public int sequence() {
            return ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
        }

        public long timestamp() {
            return ((data[4] & 0xFFL) << 24) | ((data[5] & 0xFFL) << 16) | ((data[6] & 0xFFL) << 8) | (data[7] & 0xFFL);
        }

        public int ssrc() {
            return ((data[8] & 0xFF) << 24) | ((data[9] & 0xFF) << 16) | ((data[10] & 0xFF) << 8) | (data[11] & 0xFF);
        }

        /** First payload byte: the NAL header, or for fragments the FU indicator / payload header. */
        public int payloadByte(int index) {
            return data[12 + index] & 0xFF;
        }
    }

    /** Reads the next message; throws {@link java.io.EOFException} when the server closed the connection. */
    public static Message read(DataInputStream in) throws IOException {
        int first = in.readUnsignedByte();
        if (first == '$') {
            int channel = in.readUnsignedByte();
            byte[] data = new byte[in.readUnsignedShort()];
            in.readFully(data);
            return new Packet(channel, data);
        }
        String statusLine = (char) first + readLine(in);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        byte[] body = new byte[Integer.parseInt(headers.getOrDefault("Content-Length", "0"))];
        in.readFully(body);
        String[] parts = statusLine.split(" ", 3);
        if (!parts[0].equals("RTSP/1.0")) {
            throw new IOException("Not an RTSP response: " + statusLine);
        }
        return new Response(Integer.parseInt(parts[1]), statusLine, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String readLine(DataInputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.readUnsignedByte(); b != '\n'; b = in.readUnsignedByte()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
