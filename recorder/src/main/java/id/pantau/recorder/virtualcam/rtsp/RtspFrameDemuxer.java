package id.pantau.recorder.virtualcam.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Separates what a client sends on one connection: RTSP requests (passed on whole, as bytes, to the RTSP decoder),
 * "$"-framed interleaved packets (reported as {@link InterleavedFrame}, their bytes dropped), and anything else
 * (reported once as {@link MalformedRequest}; the rest of the stream is discarded since its framing is lost).
 */
public final class RtspFrameDemuxer extends ByteToMessageDecoder {

    static final int MAX_HEADER_BYTES = 8 * 1024;
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Pattern REQUEST_LINE = Pattern.compile("[A-Za-z_]{1,32} \\S{1,2048} RTSP/1\\.0");
    private static final byte[] END_OF_HEADERS = {'\r', '\n', '\r', '\n'};

    private boolean broken;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            if (broken) {
                in.skipBytes(in.readableBytes());
                return;
            }
            byte first = in.getByte(in.readerIndex());
            if (first == '\r' || first == '\n') {
                in.skipBytes(1); // blank lines between messages are allowed
            } else if (first == '$') {
                if (!readInterleaved(in, out)) {
                    return;
                }
            } else if (!readRequest(in, out)) {
                return;
            }
        }
    }

    private boolean readInterleaved(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return false;
        }
        int start = in.readerIndex();
        int length = in.getUnsignedShort(start + 2);
        if (in.readableBytes() < 4 + length) {
            return false;
        }
        out.add(new InterleavedFrame(in.getUnsignedByte(start + 1), length));
        in.skipBytes(4 + length);
        return true;
    }

    private boolean readRequest(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int searchable = Math.min(in.readableBytes(), MAX_HEADER_BYTES);
        int headerEnd = indexOf(in, start, start + searchable);
        if (headerEnd < 0) {
            int lineEnd = in.indexOf(start, start + searchable, (byte) '\n');
            if (lineEnd >= 0 && !REQUEST_LINE.matcher(line(in, start, lineEnd)).matches()) {
                return malformed(in, out, "bad request line"); // no need to wait for garbage to end
            }
            if (in.readableBytes() >= MAX_HEADER_BYTES) {
                return malformed(in, out, "header too long");
            }
            return false;
        }
        String headers = in.toString(start, headerEnd - start, StandardCharsets.ISO_8859_1);
        int firstLineEnd = headers.indexOf('\n');
        String requestLine = (firstLineEnd < 0 ? headers : headers.substring(0, firstLineEnd)).strip();
        if (!REQUEST_LINE.matcher(requestLine).matches()) {
            return malformed(in, out, "bad request line");
        }
        int bodyBytes = contentLength(headers);
        if (bodyBytes < 0 || bodyBytes > MAX_BODY_BYTES) {
            return malformed(in, out, "bad Content-Length");
        }
        int total = headerEnd - start + END_OF_HEADERS.length + bodyBytes;
        if (in.readableBytes() < total) {
            return false;
        }
        out.add(in.readRetainedSlice(total));
        return true;
    }

    private boolean malformed(ByteBuf in, List<Object> out, String reason) {
        broken = true;
        in.skipBytes(in.readableBytes());
        out.add(new MalformedRequest(reason));
        return false;
    }

    private static String line(ByteBuf in, int start, int newline) {
        return in.toString(start, newline - start, StandardCharsets.ISO_8859_1).strip();
    }

    private static int indexOf(ByteBuf in, int from, int to) {
        for (int i = from; i + END_OF_HEADERS.length <= to; i++) {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r'
                    && in.getByte(i + 3) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                try {
                    return Integer.parseInt(line.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return 0;
    }
}
