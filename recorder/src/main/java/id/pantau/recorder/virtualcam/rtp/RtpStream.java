package id.pantau.recorder.virtualcam.rtp;

import id.pantau.recorder.virtualcam.media.AccessUnit;
import io.netty.buffer.ByteBuf;

import java.util.function.Consumer;

/** One RTP sender: an SSRC and a sequence counter that keeps counting across everything it sends. */
public final class RtpStream {

    /** First byte of an RTSP interleaved frame (RFC 2326 section 10.12). */
    public static final int INTERLEAVED_MAGIC = '$';
    public static final int INTERLEAVED_HEADER_BYTES = 4;

    private final int ssrc;
    private final int payloadType;
    private final NalPacketizer packetizer;
    private int nextSequence;

    public RtpStream(int ssrc, int initialSequence, int payloadType, NalPacketizer packetizer) {
        this.ssrc = ssrc;
        this.payloadType = payloadType;
        this.packetizer = packetizer;
        this.nextSequence = initialSequence & 0xFFFF;
    }

    public int ssrc() {
        return ssrc;
    }

    public int nextSequence() {
        return nextSequence;
    }

    /** Appends every RTP packet of {@code frame} to {@code out}, each framed as "$", channel, 16-bit length. */
    public int writeInterleaved(AccessUnit frame, long timestamp90k, int channel, ByteBuf out) {
        int[] packets = {0};
        packetizer.packetize(frame, (header, headerLength, data, offset, length, marker) -> {
            out.writeByte(INTERLEAVED_MAGIC);
            out.writeByte(channel);
            out.writeShort(RtpPacket.HEADER_BYTES + headerLength + length);
            writePacket(out, header, headerLength, data, offset, length, marker, timestamp90k);
            packets[0]++;
        });
        return packets[0];
    }

    /**
     * Writes the RTP packets of {@code frame} one at a time into {@code scratch} (cleared before each) and hands it
     * to {@code sink}, which must consume it before returning: one reusable buffer for a datagram socket.
     */
    public void writeDatagrams(AccessUnit frame, long timestamp90k, ByteBuf scratch, Consumer<ByteBuf> sink) {
        packetizer.packetize(frame, (header, headerLength, data, offset, length, marker) -> {
            scratch.clear();
            writePacket(scratch, header, headerLength, data, offset, length, marker, timestamp90k);
            sink.accept(scratch);
        });
    }

    private void writePacket(ByteBuf out, byte[] header, int headerLength, byte[] data, int offset, int length,
                             boolean marker, long timestamp90k) {
        RtpPacket.writeHeader(out, marker, payloadType, nextSequence, timestamp90k, ssrc);
        nextSequence = (nextSequence + 1) & 0xFFFF;
        out.writeBytes(header, 0, headerLength);
        out.writeBytes(data, offset, length);
    }
}
