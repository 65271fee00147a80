package id.pantau.recorder.ingest.rtsp;

import io.netty.buffer.ByteBuf;

/**
 * The fixed header of a received RTP packet (RFC 3550 section 5.1). The payload lies at {@code payloadOffset}
 * from the packet's reader index, after CSRCs and any header extension, and excludes padding.
 */
record RtpHeader(boolean marker, int payloadType, int sequence, long timestamp, int payloadOffset,
                 int payloadLength) {

    static final int FIXED_BYTES = 12;

    /** The header of the packet between reader and writer index, or null if it is not RTP version 2. */
    static RtpHeader parse(ByteBuf packet) {
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        if (length < FIXED_BYTES) {
            return null;
        }
        int first = packet.getUnsignedByte(start);
        if (first >> 6 != 2) {
            return null;
        }
        int offset = FIXED_BYTES + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (offset + 4 > length) {
                return null;
            }
            offset += 4 + 4 * packet.getUnsignedShort(start + offset + 2);
        }
        int end = length;
        if ((first & 0x20) != 0) {
            end -= packet.getUnsignedByte(start + length - 1);
        }
        if (offset > end) {
            return null;
        }
        int second = packet.getUnsignedByte(start + 1);
        return new RtpHeader((second & 0x80) != 0, second & 0x7F, packet.getUnsignedShort(start + 2),
                packet.getUnsignedInt(start + 4), offset, end - offset);
    }
}
