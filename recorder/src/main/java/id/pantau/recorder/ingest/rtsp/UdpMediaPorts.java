package id.pantau.recorder.ingest.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * The client ports of an RTP-over-UDP session: an even RTP port and the next one for RTCP, bound on the address
 * the RTSP connection uses (never the wildcard) and read on the connection's event loop. Only datagrams from
 * the camera's address reach the receiver; RTCP is read and dropped.
 */
final class UdpMediaPorts implements AutoCloseable {

    private static final int ATTEMPTS = 20;
    private static final int RECEIVE_BUFFER_BYTES = 1024 * 1024;

    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;

    private UdpMediaPorts(DatagramChannel rtp, DatagramChannel rtcp) {
        this.rtp = rtp;
        this.rtcp = rtcp;
    }

    /**
     * RTP on an even port and RTCP on the next one (RFC 3550 section 11); tries a few ports the kernel picks.
     * Called on {@code loop}'s own thread, where registering and binding complete at once.
     */
    static UdpMediaPorts open(EventLoop loop, RtspTransport transport, InetAddress local, InetAddress camera,
                              Consumer<ByteBuf> rtpPackets) throws IOException {
        IOException last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            DatagramChannel rtp = bind(loop, transport, new InetSocketAddress(local, 0),
                    new FromCamera(camera, rtpPackets));
            int port = rtp.localAddress().getPort();
            if (port % 2 != 0 || port == 0xFFFF) {
                rtp.close();
                continue;
            }
            try {
                DatagramChannel rtcp = bind(loop, transport, new InetSocketAddress(local, port + 1),
                        new FromCamera(camera, packet -> { }));
                return new UdpMediaPorts(rtp, rtcp);
            } catch (IOException e) {
                last = e;
                rtp.close();
            }
        }
        throw last != null ? last : new IOException("no free even/odd UDP port pair on " + local);
    }

    private static DatagramChannel bind(EventLoop loop, RtspTransport transport, InetSocketAddress address,
                                        FromCamera handler) throws IOException {
        DatagramChannel channel = transport.newDatagramChannel();
        // a keyframe arrives as a burst of datagrams; the default buffer can overflow before the loop reads it
        channel.config().setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
        channel.pipeline().addLast(handler);
        ChannelFuture registered = loop.register(channel);
        ChannelFuture bound = registered.isDone() && registered.isSuccess() ? channel.bind(address) : registered;
        if (!bound.isDone()) {
            channel.close();
            throw new IOException("binding UDP port " + address + " did not complete on the event loop");
        }
        if (!bound.isSuccess()) {
            channel.close();
            throw new IOException("cannot bind UDP port " + address + ": " + bound.cause(), bound.cause());
        }
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
