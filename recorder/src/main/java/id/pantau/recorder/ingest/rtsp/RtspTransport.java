package id.pantau.recorder.ingest.rtsp;

import io.netty.channel.Channel;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The socket layer under the RTSP ingest: Linux's epoll through Netty's native transport, which can batch reads
 * with SO_RCVLOWAT ({@link ReceiveBatching}), or the JDK's NIO where epoll does not load.
 */
public enum RtspTransport {
    EPOLL(Epoll::isAvailable, EpollIoHandler::newFactory, EpollSocketChannel.class, EpollDatagramChannel::new),
    NIO(() -> true, NioIoHandler::newFactory, NioSocketChannel.class, NioDatagramChannel::new);

    /** System property that pins the transport (epoll or nio), e.g. to compare them in a benchmark. */
    public static final String PROPERTY = "pantau.rtsp.transport";

    private final BooleanSupplier available;
    private final Supplier<IoHandlerFactory> handlers;
    private final Class<? extends SocketChannel> channelClass;
    private final Supplier<DatagramChannel> datagrams;

    RtspTransport(BooleanSupplier available, Supplier<IoHandlerFactory> handlers,
                  Class<? extends SocketChannel> channelClass, Supplier<DatagramChannel> datagrams) {
        this.available = available;
        this.handlers = handlers;
        this.channelClass = channelClass;
        this.datagrams = datagrams;
    }

    /** The transport the property pins, else epoll where it loads, else NIO. */
    public static RtspTransport select() {
        String pinned = System.getProperty(PROPERTY, "").strip();
        if (pinned.isEmpty()) {
            return EPOLL.available() ? EPOLL : NIO;
        }
        RtspTransport transport = parse(pinned);
        if (!transport.available()) {
            throw new IllegalStateException(PROPERTY + "=" + pinned + ": the " + transport
                    + " transport does not load on this machine");
        }
        return transport;
    }

    /** The transport a channel runs on. */
    static RtspTransport of(Channel channel) {
        return channel instanceof EpollSocketChannel ? EPOLL : NIO;
    }

    static RtspTransport parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "epoll" -> EPOLL;
            case "nio" -> NIO;
            default -> throw new IllegalArgumentException(
                    "unknown RTSP transport '" + name + "' in " + PROPERTY + ": epoll or nio");
        };
    }

    public boolean available() {
        try {
            return available.getAsBoolean();
        } catch (LinkageError e) {
            return false;
        }
    }

    IoHandlerFactory ioHandlerFactory() {
        return handlers.get();
    }

    Class<? extends SocketChannel> channelClass() {
        return channelClass;
    }

    /** An unregistered datagram channel for an event loop of this transport. */
    DatagramChannel newDatagramChannel() {
        return datagrams.get();
    }
}
