package id.pantau.recorder.ingest.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Separates what a camera sends on the RTSP connection: responses (decoded to {@link RtspResponse}),
 * "$"-framed interleaved packets (passed on as {@link InterleavedPacket}, a slice of the read buffer, without
 * copying) and requests the server sends on its own (read and dropped: nothing here needs them). Bytes that fit
 * none of these are skipped up to the next "$", as FFmpeg and live555 resynchronise.
 */
final class RtspClientFraming extends ByteToMessageDecoder {

    static final int MAX_HEADER_BYTES = 16 * 1024;
    static final int MAX_BODY_BYTES = 64 * 1024;

    private long skippedBytes;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            byte first = in.getByte(in.readerIndex());
            if (first == '$') {
                if (!readInterleaved(in, out)) {
                    return;
                }
            } else if (first == '\r' || first == '\n') {
                in.skipBytes(1);
            } else if (Character.isLetter(first)) {
                if (!readMessage(in, out)) {
                    return;
                }
            } else {
                int next = in.indexOf(in.readerIndex() + 1, in.writerIndex(), (byte) '$');
                int skip = (next < 0 ? in.writerIndex() : next) - in.readerIndex();
                skippedBytes += skip;
                in.skipBytes(skip);
            }
        }
    }

    long skippedBytes() {
        return skippedBytes;
    }

    private static boolean readInterleaved(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return false;
        }
        int start = in.readerIndex();
        int length = in.getUnsignedShort(start + 2);
        if (in.readableBytes() < 4 + length) {
            return false;
        }
        int channel = in.getUnsignedByte(start + 1);
        in.skipBytes(4);
        out.add(new InterleavedPacket(channel, in.readRetainedSlice(length)));
        return true;
    }

    private static boolean readMessage(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int searchable = Math.min(in.readableBytes(), MAX_HEADER_BYTES);
        int headerEnd = endOfHeaders(in, start, start + searchable);
        if (headerEnd < 0) {
            if (searchable >= MAX_HEADER_BYTES) {
                throw new CorruptedFrameException("RTSP header longer than " + MAX_HEADER_BYTES + " bytes");
            }
            return false;
        }
        String head = in.toString(start, headerEnd - start, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
            }
        }
        int bodyBytes = contentLength(headers);
        int separator = in.getByte(headerEnd) == '\r' ? 4 : 2;
        int total = headerEnd - start + separator + bodyBytes;
        if (in.readableBytes() < total) {
            return false;
        }
        String body = in.toString(headerEnd + separator, bodyBytes, StandardCharsets.UTF_8);
        in.skipBytes(total);
        String statusLine = lines[0].strip();
        if (statusLine.startsWith("RTSP/")) {
            String[] parts = statusLine.split(" ", 3);
            int status = parts.length > 1 ? parseStatus(parts[1]) : -1;
            if (status < 100) {
                throw new CorruptedFrameException("bad RTSP status line");
            }
            out.add(new RtspResponse(status, parts.length > 2 ? parts[2] : "", headers, body));
        }
        return true;
    }

    private static int contentLength(Map<String, List<String>> headers) {
        List<String> values = headers.get("content-length");
        if (values == null) {
            return 0;
        }
        int length = parseStatus(values.get(0));
        if (length < 0 || length > MAX_BODY_BYTES) {
            throw new CorruptedFrameException("bad Content-Length in RTSP message");
        }
        return length;
    }

    private static int parseStatus(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Index of the blank line (CRLF CRLF, or LF LF) ending the headers, or -1. */
    private static int endOfHeaders(ByteBuf in, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (in.getByte(i) == '\n' && in.getByte(i + 1) == '\n') {
                return i;
            }
            if (i + 3 < to && in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r'
                    && in.getByte(i + 3) == '\n') {
                return i;
            }
        }
        return -1;
    }
}
