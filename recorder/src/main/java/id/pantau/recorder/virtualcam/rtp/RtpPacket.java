package id.pantau.recorder.virtualcam.rtp;

import io.netty.buffer.ByteBuf;

/** Writes RTP fixed headers (RFC 3550, version 2, no padding, extension or CSRCs). */
public final class RtpPacket {

    public static final int HEADER_BYTES = 12;
    public static final int VERSION_2 = 0x80;

    private RtpPacket() {
    }

    public static void writeHeader(ByteBuf out, boolean marker, int payloadType, int sequence, long timestamp,
                                   int ssrc) {
        out.writeByte(VERSION_2);
        out.writeByte((marker ? 0x80 : 0) | (payloadType & 0x7F));
        out.writeShort(sequence);
        out.writeInt((int) timestamp);
        out.writeInt(ssrc);
    }
}
