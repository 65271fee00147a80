package id.pantau.recorder.ingest.rtsp;

import id.pantau.recorder.ingest.IngestFailure;
import id.pantau.recorder.ingest.IngestFailure.Kind;
import id.pantau.recorder.ingest.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of one RTSP session: OPTIONS, DESCRIBE, SETUP of the video track (TCP interleaved or UDP),
 * PLAY, keep-alives every half session timeout (GET_PARAMETER where the camera offers it, else OPTIONS) and
 * TEARDOWN. A 401 is answered once per challenge with the camera's credentials. RTP of the video track goes to
 * an {@link RtpVideoReceiver}; everything else the camera sends on the connection is dropped.
 */
final class RtspClientHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(RtspClientHandler.class);
    static final String USER_AGENT = "Pantau recorder";
    static final long TEARDOWN_WAIT_MS = 500;

    private enum Step { OPTIONS, DESCRIBE, SETUP, PLAY, PLAYING, TEARDOWN }

    private record Request(String method, String uri, Map<String, String> headers) {
    }

    private final RtspTarget target;
    private final Transport transport;
    private final String label;
    private final RtspSessionListener listener;
    private final RtspAuthenticator authenticator;

    private ChannelHandlerContext ctx;
    private Step step = Step.OPTIONS;
    private int cseq;
    private Request pending;
    private int pendingCseq;
    private boolean offersGetParameter;
    private String baseUrl;
    private SdpVideoTrack track;
    private RtpVideoReceiver receiver;
    private UdpMediaPorts udp;
    private int rtpChannel = -1;
    private SessionHeader session;
    private ScheduledFuture<?> keepAlive;
    private ReceiveBatching batching;
    private ScheduledFuture<?> batchingTicks;
    private boolean closing;
    private boolean reported;

    RtspClientHandler(RtspTarget target, Transport transport, String label, RtspSessionListener listener) {
        this.target = target;
        this.transport = transport;
        this.label = label;
        this.listener = listener;
        this.authenticator = new RtspAuthenticator(target.user(), target.password());
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        send(new Request("OPTIONS", target.requestUrl(), Map.of()));
        ctx.fireChannelActive();
    }

    /** Packets lost in transit so far (sequence gaps), for the camera's figures. */
    long lostPackets() {
        RtpVideoReceiver r = receiver;
        return r == null ? 0 : r.lostPackets();
    }

    /** Ends the session politely: TEARDOWN, then the connection closes on the answer or after a short wait. */
    void teardown(Channel channel) {
        channel.eventLoop().execute(() -> {
            if (closing) {
                return;
            }
            closing = true;
            cancelKeepAlive();
            if (session != null && channel.isActive()) {
                step = Step.TEARDOWN;
                send(new Request("TEARDOWN", aggregateUrl(), Map.of()));
                channel.eventLoop().schedule(() -> channel.close(), TEARDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
            } else {
                channel.close();
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof InterleavedPacket packet) {
            try {
                if (packet.channel() == rtpChannel && receiver != null) {
                    if (batching != null) {
                        batching.received(packet.content().readableBytes());
                    }
                    receiver.packet(packet.content());
                }
            } finally {
                packet.release();
            }
        } else if (msg instanceof RtspResponse response) {
            onResponse(response);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    /** RTP arriving over UDP, on this connection's event loop. */
    void udpPacket(ByteBuf packet) {
        if (receiver != null && (step == Step.PLAYING || step == Step.PLAY)) {
            receiver.packet(packet);
        }
    }

    private void onResponse(RtspResponse response) {
        if (pending == null || (response.cseq() >= 0 && response.cseq() != pendingCseq)) {
            return; // the answer to a keep-alive sent earlier, or a camera talking out of turn
        }
        Request request = pending;
        pending = null;
        if (response.status() == 401 && step != Step.PLAYING && step != Step.TEARDOWN
                && authenticator.challenge(response.headers("WWW-Authenticate"))) {
            send(request);
            return;
        }
        try {
            switch (step) {
                case OPTIONS -> afterOptions(response);
                case DESCRIBE -> afterDescribe(response);
                case SETUP -> afterSetup(response);
                case PLAY -> afterPlay(response);
                case PLAYING -> afterKeepAlive(request, response);
                case TEARDOWN -> ctx.close();
            }
        } catch (IngestFailure failure) {
            fail(failure);
        }
    }

    private void afterOptions(RtspResponse response) throws IngestFailure {
        if (response.status() == 401) {
            throw RtspFailures.forStatus("OPTIONS", response);
        }
        // some cameras do not implement OPTIONS; DESCRIBE decides
        String offered = response.header("Public");
        offersGetParameter = offered != null && offered.toUpperCase(Locale.ROOT).contains("GET_PARAMETER");
        step = Step.DESCRIBE;
        send(new Request("DESCRIBE", target.requestUrl(), Map.of("Accept", "application/sdp")));
    }

    private void afterDescribe(RtspResponse response) throws IngestFailure {
        if (!response.ok()) {
            throw RtspFailures.forStatus("DESCRIBE", response);
        }
        track = SdpVideoTrack.parse(response.body());
        String base = response.header("Content-Base");
        if (base == null) {
            base = response.header("Content-Location");
        }
        baseUrl = base != null ? base : target.requestUrl();
        receiver = new RtpVideoReceiver(track.codec(), track.payloadType(), listener::accessUnit);
        String transportHeader;
        if (transport == Transport.UDP) {
            openUdp();
            transportHeader = TransportHeader.requestUdp(udp.rtpPort(), udp.rtcpPort());
        } else {
            transportHeader = TransportHeader.requestTcp();
        }
        step = Step.SETUP;
        send(new Request("SETUP", resolve(baseUrl, track.control()), Map.of("Transport", transportHeader)));
    }

    private void openUdp() throws IngestFailure {
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        try {
            udp = UdpMediaPorts.open(ctx.channel().eventLoop(), RtspTransport.of(ctx.channel()), local.getAddress(),
                    remote.getAddress(), this::udpPacket);
        } catch (IOException e) {
            throw new IngestFailure(Kind.INTERNAL, "cannot open UDP ports for RTP: " + e.getMessage(), e);
        }
    }

    private void afterSetup(RtspResponse response) throws IngestFailure {
        if (!response.ok()) {
            throw RtspFailures.forStatus("SETUP", response);
        }
        session = SessionHeader.parse(response.header("Session"));
        TransportHeader answer = TransportHeader.parse(response.header("Transport"));
        if (transport == Transport.TCP) {
            if (!answer.interleaved()) {
                throw new IngestFailure(Kind.MALFORMED, "malformed stream: camera did not agree to RTP over TCP");
            }
            rtpChannel = answer.rtpChannel();
        } else if (answer.interleaved()) {
            throw new IngestFailure(Kind.MALFORMED, "malformed stream: camera did not agree to RTP over UDP");
        }
        step = Step.PLAY;
        send(new Request("PLAY", aggregateUrl(), Map.of("Range", "npt=0.000-")));
    }

    private void afterPlay(RtspResponse response) throws IngestFailure {
        if (!response.ok()) {
            throw RtspFailures.forStatus("PLAY", response);
        }
        step = Step.PLAYING;
        long periodMs = session == null ? SessionHeader.DEFAULT_TIMEOUT_SECONDS * 500L
                : session.timeoutSeconds() * 500L;
        keepAlive = ctx.executor().scheduleAtFixedRate(this::keepAlive, periodMs, periodMs, TimeUnit.MILLISECONDS);
        if (udp == null) {
            batching = ReceiveBatching.forChannel(ctx.channel());
        }
        if (batching != null) {
            batchingTicks = ctx.executor().scheduleAtFixedRate(() -> batching.tick(listener.batchingAllowed()),
                    ReceiveBatching.TICK_MS, ReceiveBatching.TICK_MS, TimeUnit.MILLISECONDS);
        }
        listener.playing(track);
    }

    private void keepAlive() {
        if (pending == null && ctx.channel().isActive()) {
            send(new Request(offersGetParameter ? "GET_PARAMETER" : "OPTIONS",
                    offersGetParameter ? aggregateUrl() : target.requestUrl(), Map.of()));
        }
    }

    private void afterKeepAlive(Request request, RtspResponse response) {
        if (request.method().equals("GET_PARAMETER") && (response.status() == 405 || response.status() == 501)) {
            offersGetParameter = false;
        } else if (response.status() == 454) {
            fail(new IngestFailure(Kind.ENDED, "connection lost: camera forgot the session (454)"));
        }
    }

    private void send(Request request) {
        pending = request;
        pendingCseq = ++cseq;
        StringBuilder text = new StringBuilder(256).append(request.method()).append(' ').append(request.uri())
                .append(" RTSP/1.0\r\nCSeq: ").append(pendingCseq).append("\r\nUser-Agent: ").append(USER_AGENT)
                .append("\r\n");
        String authorization = authenticator.authorization(request.method(), request.uri());
        if (authorization != null) {
            text.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (session != null) {
            text.append("Session: ").append(session.id()).append("\r\n");
        }
        request.headers().forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        text.append("\r\n");
        ctx.writeAndFlush(ByteBufUtil.writeAscii(ctx.alloc(), text)).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
    }

    /** The URL PLAY, GET_PARAMETER and TEARDOWN name: the session-level control, or the base. */
    private String aggregateUrl() {
        String control = track == null ? null : track.sessionControl();
        return resolve(baseUrl != null ? baseUrl : target.requestUrl(), control);
    }

    /** A control attribute against the base URL: absolute as is, "*" the base, else appended (RFC 2326 C.1.1). */
    static String resolve(String base, String control) {
        if (control == null || control.isEmpty() || control.equals("*")) {
            return base;
        }
        if (control.regionMatches(true, 0, "rtsp://", 0, 7) || control.regionMatches(true, 0, "rtsps://", 0, 8)) {
            return control;
        }
        return base.endsWith("/") ? base + control : base + "/" + control;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("{}: RTSP connection error: {}", label, cause.toString());
        fail(RtspFailures.forConnectionError(cause));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelKeepAlive();
        if (udp != null) {
            udp.close();
        }
        report(closing ? new IngestFailure(Kind.ENDED, "stopped") : RtspFailures.closedByCamera(step == Step.PLAYING));
        ctx.fireChannelInactive();
    }

    private void fail(IngestFailure failure) {
        report(failure);
        closing = true;
        cancelKeepAlive();
        ctx.close();
    }

    /** Only the first failure says why the session ended; the close that follows it is a consequence. */
    private void report(IngestFailure failure) {
        if (!reported) {
            reported = true;
            listener.failed(failure);
        }
    }

    private void cancelKeepAlive() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
            keepAlive = null;
        }
        if (batchingTicks != null) {
            batchingTicks.cancel(false);
            batchingTicks = null;
        }
    }
}
