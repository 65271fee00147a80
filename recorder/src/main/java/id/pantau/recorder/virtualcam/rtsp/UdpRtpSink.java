package id.pantau.recorder.virtualcam.rtsp;

import id.pantau.recorder.virtualcam.media.AccessUnit;
import id.pantau.recorder.virtualcam.rtp.RtpPacket;
import id.pantau.recorder.virtualcam.rtp.RtpStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;

/**
 * Sends a session's RTP over UDP to the client's port from its own pair of non-blocking sockets (server_port);
 * sends happen directly on the session's event loop. A datagram the kernel cannot take is dropped, and the
 * session then skips to the next keyframe. RTCP arriving at the second socket is not read.
 */
final class UdpRtpSink implements RtpSink {

    private static final Logger log = LoggerFactory.getLogger(UdpRtpSink.class);

    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;
    private final InetSocketAddress client;
    private final RtpStream stream;
    private final ByteBuf scratch;
    private boolean congested;

    private UdpRtpSink(DatagramChannel rtp, DatagramChannel rtcp, InetSocketAddress client, RtpStream stream,
                       int maxPayloadBytes) {
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.client = client;
        this.stream = stream;
        this.scratch = Unpooled.directBuffer(RtpPacket.HEADER_BYTES + maxPayloadBytes);
    }

    static UdpRtpSink open(InetAddress local, InetSocketAddress client, RtpStream stream, int maxPayloadBytes)
            throws IOException {
        DatagramChannel rtp = DatagramChannel.open();
        DatagramChannel rtcp = null;
        try {
            rtp.bind(new InetSocketAddress(local, 0));
            rtp.configureBlocking(false);
            rtcp = DatagramChannel.open();
            rtcp.bind(new InetSocketAddress(local, 0));
            return new UdpRtpSink(rtp, rtcp, client, stream, maxPayloadBytes);
        } catch (IOException e) {
            rtp.close();
            if (rtcp != null) {
                rtcp.close();
            }
            throw e;
        }
    }

    int serverRtpPort() {
        return rtp.socket().getLocalPort();
    }

    int serverRtcpPort() {
        return rtcp.socket().getLocalPort();
    }

    @Override
    public boolean isWritable() {
        boolean writable = !congested && rtp.isOpen();
        congested = false; // one refusal makes the session wait for a keyframe; then try again
        return writable;
    }

    @Override
    public void send(AccessUnit frame, long timestamp90k) {
        stream.writeDatagrams(frame, timestamp90k, scratch, packet -> {
            if (congested) {
                return; // the rest of a frame whose packet was dropped cannot be decoded anyway
            }
            try {
                congested = rtp.send(packet.nioBuffer(), client) == 0;
            } catch (IOException e) {
                log.debug("UDP send to {} failed: {}", client, e.toString());
                congested = true;
            }
        });
    }

    @Override
    public void flush() {
        // datagrams leave on send
    }

    @Override
    public int nextSequence() {
        return stream.nextSequence();
    }

    @Override
    public int ssrc() {
        return stream.ssrc();
    }

    @Override
    public void close() {
        try {
            rtp.close();
            rtcp.close();
        } catch (IOException e) {
            log.debug("Closing UDP sockets failed: {}", e.toString());
        } finally {
            if (scratch.refCnt() > 0) {
                scratch.release();
            }
        }
    }
}
