package id.pantau.recorder.virtualcam.rtsp;

import id.pantau.recorder.virtualcam.media.AccessUnit;
import id.pantau.recorder.virtualcam.rtp.RtpPacket;
import id.pantau.recorder.virtualcam.rtp.RtpStream;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/** Sends RTP packets on the RTSP connection, framed for interleaving; one buffer and one write per frame. */
final class InterleavedRtpSink implements RtpSink {

    private static final int PER_PACKET_OVERHEAD = RtpStream.INTERLEAVED_HEADER_BYTES + RtpPacket.HEADER_BYTES + 3;

    private final Channel channel;
    private final RtpStream stream;
    private final int rtpChannel;
    private final int maxPayloadBytes;

    InterleavedRtpSink(Channel channel, RtpStream stream, int rtpChannel, int maxPayloadBytes) {
        this.channel = channel;
        this.stream = stream;
        this.rtpChannel = rtpChannel;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    public boolean isWritable() {
        return channel.isActive() && channel.isWritable();
    }

    @Override
    public void send(AccessUnit frame, long timestamp90k) {
        int bytes = frame.sizeBytes();
        int packets = bytes / (maxPayloadBytes - 3) + frame.nalUnits().size() + 1;
        ByteBuf out = channel.alloc().directBuffer(bytes + packets * PER_PACKET_OVERHEAD);
        stream.writeInterleaved(frame, timestamp90k, rtpChannel, out);
        channel.write(out, channel.voidPromise());
    }

    @Override
    public void flush() {
        channel.flush();
    }

    @Override
    public int nextSequence() {
        return stream.nextSequence();
    }

    @Override
    public int ssrc() {
        return stream.ssrc();
    }
}
