package id.pantau.recorder.ingest.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.function.Consumer;

/**
 * The client ports of an RTP-over-UDP session: an even RTP port and the next one for RTCP, bound on the address
 * the RTSP connection uses (never the wildcard) and read on the connection's event loop. Only datagrams from
 * the camera's address reach the receiver; RTCP is read and dropped.
 */
final class UdpMediaPorts implements AutoCloseable {

    private static final int ATTEMPTS = 20;
    private static final int RECEIVE_BUFFER_BYTES = 1024 * 1024;

    private final NioDatagramChannel rtp;
    private final NioDatagramChannel rtcp;

    private UdpMediaPorts(NioDatagramChannel rtp, NioDatagramChannel rtcp) {
        this.rtp = rtp;
        this.rtcp = rtcp;
    }

    static UdpMediaPorts open(EventLoop loop, InetAddress local, InetAddress camera, Consumer<ByteBuf> rtpPackets)
            throws IOException {
        DatagramChannel[] pair = bindPair(local);
        NioDatagramChannel rtp = new NioDatagramChannel(pair[0]);
        NioDatagramChannel rtcp = new NioDatagramChannel(pair[1]);
        rtp.pipeline().addLast(new FromCamera(camera, rtpPackets));
        rtcp.pipeline().addLast(new FromCamera(camera, packet -> { }));
        loop.register(rtp);
        loop.register(rtcp);
        return new UdpMediaPorts(rtp, rtcp);
    }

    /** RTP on an even port and RTCP on the next one (RFC 3550 section 11); tries a few ports the kernel picks. */
    private static DatagramChannel[] bindPair(InetAddress local) throws IOException {
        IOException last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            DatagramChannel first = open();
            DatagramChannel second = null;
            try {
                first.bind(new InetSocketAddress(local, 0));
                int port = ((InetSocketAddress) first.getLocalAddress()).getPort();
                if (port % 2 != 0 || port == 0xFFFF) {
                    first.close();
                    continue;
                }
                second = open();
                second.bind(new InetSocketAddress(local, port + 1));
                return new DatagramChannel[] {first, second};
            } catch (IOException e) {
                last = e;
                first.close();
                if (second != null) {
                    second.close();
                }
            }
        }
        throw last != null ? last : new IOException("no free even/odd UDP port pair on " + local);
    }

    private static DatagramChannel open() throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        // a keyframe arrives as a burst of datagrams; the default buffer can overflow before the loop reads it
        channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
        return channel;
    }

    int rtpPort() {
        return rtp.localAddress().getPort();
    }

    int rtcpPort() {
        return rtcp.localAddress().getPort();
    }

    @Override
    public void close() {
        rtp.close();
        rtcp.close();
    }

    private static final class FromCamera extends SimpleChannelInboundHandler<DatagramPacket> {
        private final InetAddress camera;
        private final Consumer<ByteBuf> packets;

        FromCamera(InetAddress camera, Consumer<ByteBuf> packets) {
            this.camera = camera;
            this.packets = packets;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            if (packet.sender().getAddress().equals(camera)) {
                packets.accept(packet.content());
            }
        }
    }
}
