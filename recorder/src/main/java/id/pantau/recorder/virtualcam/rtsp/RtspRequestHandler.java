package id.pantau.recorder.virtualcam.rtsp;

import id.pantau.recorder.virtualcam.rtp.NalPacketizer;
import id.pantau.recorder.virtualcam.rtp.RtpStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspHeaderNames;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import io.netty.handler.codec.rtsp.RtspVersions;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Answers the RTSP requests of one connection (OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER, TEARDOWN) and owns the
 * sessions it set up: they end with TEARDOWN or when the connection closes (also UDP sessions, which RFC 2326
 * would let outlive it; clients such as FFmpeg and VLC keep the connection open anyway).
 */
public final class RtspRequestHandler extends ChannelInboundHandlerAdapter {

    static final String SERVER_NAME = "Pantau-VirtualCamera/1.0";
    static final int SESSION_TIMEOUT_SECONDS = 60;
    static final String PUBLIC_METHODS = "OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER, TEARDOWN";
    private static final List<String> KNOWN_UNSUPPORTED = List.of("ANNOUNCE", "RECORD", "PAUSE", "SET_PARAMETER",
            "REDIRECT");
    private static final Logger log = LoggerFactory.getLogger(RtspRequestHandler.class);

    private final MountRegistry mounts;
    private final SessionRegistry sessions;
    private final PlaybackScheduler scheduler;
    private final int maxPayloadBytes;
    private final List<PlaybackSession> ownSessions = new ArrayList<>();
    private final String nonce;

    public RtspRequestHandler(MountRegistry mounts, SessionRegistry sessions, PlaybackScheduler scheduler,
                              int maxPayloadBytes) {
        this.mounts = mounts;
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.maxPayloadBytes = maxPayloadBytes;
        byte[] nonceBytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonceBytes);
        this.nonce = HexFormat.of().formatHex(nonceBytes);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof FullHttpRequest request) {
                handle(ctx, request);
            } else if (msg instanceof MalformedRequest malformed) {
                log.debug("Malformed request from {}: {}", ctx.channel().remoteAddress(), malformed.reason());
                ctx.writeAndFlush(response(RtspResponseStatuses.BAD_REQUEST, null))
                        .addListener(ChannelFutureListener.CLOSE);
            }
            // InterleavedFrame: RTCP receiver reports over TCP; the connection itself shows the client is alive
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        for (PlaybackSession session : List.copyOf(ownSessions)) {
            end(session);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Closing RTSP connection {} after {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        String cseq = request.headers().get(RtspHeaderNames.CSEQ);
        if (request.decoderResult().isFailure() || cseq == null) {
            ctx.writeAndFlush(response(RtspResponseStatuses.BAD_REQUEST, cseq)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        String method = request.method().name().toUpperCase(Locale.ROOT);
        log.debug("{} {} from {}", method, request.uri(), ctx.channel().remoteAddress());
        PlaybackSession toPlay = null;
        FullHttpResponse response;
        try {
            switch (method) {
                case "OPTIONS" -> response = options(cseq);
                case "DESCRIBE" -> response = describe(ctx, request, cseq);
                case "SETUP" -> response = setup(ctx, request, cseq);
                case "PLAY" -> {
                    toPlay = ownSession(request);
                    response = play(ctx, request, cseq, toPlay);
                }
                case "GET_PARAMETER" -> response = getParameter(request, cseq);
                case "TEARDOWN" -> response = teardown(request, cseq);
                default -> response = unsupported(method, cseq);
            }
        } catch (RtspException e) {
            toPlay = null;
            response = response(e.status(), cseq);
            e.headers().forEach(response.headers()::set);
        }
        ctx.writeAndFlush(response);
        if (toPlay != null) {
            scheduler.play(toPlay); // after the answer, so RTP never overtakes the PLAY response
        }
    }

    private FullHttpResponse options(String cseq) {
        FullHttpResponse response = response(RtspResponseStatuses.OK, cseq);
        response.headers().set(RtspHeaderNames.PUBLIC, PUBLIC_METHODS);
        return response;
    }

    private FullHttpResponse describe(ChannelHandlerContext ctx, FullHttpRequest request, String cseq) {
        Mount mount = mountFor(ctx, request);
        authorize(mount, request);
        String base = aggregateUri(ctx, request.uri()) + "/";
        String sdp = SessionDescription.of(mount.clip(), System.currentTimeMillis(), localHost(ctx));
        FullHttpResponse response = response(RtspResponseStatuses.OK, cseq,
                sdp.getBytes(StandardCharsets.US_ASCII));
        response.headers().set(RtspHeaderNames.CONTENT_TYPE, "application/sdp");
        response.headers().set(RtspHeaderNames.CONTENT_BASE, base);
        return response;
    }

    private FullHttpResponse setup(ChannelHandlerContext ctx, FullHttpRequest request, String cseq) {
        Mount mount = mountFor(ctx, request);
        authorize(mount, request);
        String sessionId = sessionId(request);
        if (sessionId != null) {
            if (sessions.find(sessionId) == null) {
                throw new RtspException(RtspResponseStatuses.SESSION_NOT_FOUND, "unknown session");
            }
            throw new RtspException(RtspResponseStatuses.AGGREGATE_OPERATION_NOT_ALLOWED, "one track per session");
        }
        TransportSpec transport = TransportSpec.parse(request.headers().get(RtspHeaderNames.TRANSPORT));
        if (transport == null) {
            throw new RtspException(RtspResponseStatuses.UNSUPPORTED_TRANSPORT, "only RTP/AVP over TCP or UDP");
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        RtpStream stream = new RtpStream(random.nextInt(), random.nextInt(0x10000), SessionDescription.PAYLOAD_TYPE,
                NalPacketizer.forCodec(mount.clip().codec(), maxPayloadBytes));
        RtpSink sink;
        String transportHeader;
        if (transport.interleaved()) {
            sink = new InterleavedRtpSink(ctx.channel(), stream, transport.rtpChannel(), maxPayloadBytes);
            transportHeader = transport.toResponseHeader(stream.ssrc(), 0, 0);
        } else {
            UdpRtpSink udp = openUdp(ctx, transport, stream);
            sink = udp;
            transportHeader = transport.toResponseHeader(stream.ssrc(), udp.serverRtpPort(), udp.serverRtcpPort());
        }
        PlaybackSession session = new PlaybackSession(sessions.newId(), mount, ctx.channel(), sink,
                random.nextLong(0x1_0000_0000L));
        sessions.add(session);
        ownSessions.add(session);
        FullHttpResponse response = response(RtspResponseStatuses.OK, cseq);
        response.headers().set(RtspHeaderNames.TRANSPORT, transportHeader);
        response.headers().set(RtspHeaderNames.SESSION, session.id() + ";timeout=" + SESSION_TIMEOUT_SECONDS);
        return response;
    }

    /** UDP sockets for a session, sending to the client_port at the address the RTSP connection comes from. */
    private UdpRtpSink openUdp(ChannelHandlerContext ctx, TransportSpec transport, RtpStream stream) {
        if (transport.clientRtpPort() <= 0 || transport.clientRtpPort() > 0xFFFF
                || !(ctx.channel().remoteAddress() instanceof InetSocketAddress remote)
                || !(ctx.channel().localAddress() instanceof InetSocketAddress local)) {
            throw new RtspException(RtspResponseStatuses.UNSUPPORTED_TRANSPORT, "UDP needs client_port");
        }
        try {
            return UdpRtpSink.open(local.getAddress(),
                    new InetSocketAddress(remote.getAddress(), transport.clientRtpPort()), stream, maxPayloadBytes);
        } catch (IOException e) {
            log.warn("Cannot open UDP sockets for RTP: {}", e.toString());
            throw new RtspException(RtspResponseStatuses.INTERNAL_SERVER_ERROR, "no UDP socket");
        }
    }

    private FullHttpResponse play(ChannelHandlerContext ctx, FullHttpRequest request, String cseq,
                                  PlaybackSession session) {
        Mount mount = session.mount();
        authorize(mount, request);
        if (mount.refusing()) {
            throw new RtspException(RtspResponseStatuses.SERVICE_UNAVAILABLE, "mount refuses connections");
        }
        String trackUri = aggregateUri(ctx, request.uri()) + "/" + SessionDescription.TRACK_CONTROL;
        FullHttpResponse response = response(RtspResponseStatuses.OK, cseq);
        response.headers().set(RtspHeaderNames.SESSION, session.id());
        response.headers().set(RtspHeaderNames.RANGE, "npt=0.000-");
        response.headers().set(RtspHeaderNames.RTP_INFO, "url=" + trackUri + ";seq=" + session.sink().nextSequence()
                + ";rtptime=" + session.nextTimestamp90k());
        return response;
    }

    private FullHttpResponse getParameter(FullHttpRequest request, String cseq) {
        String sessionId = sessionId(request);
        FullHttpResponse response = response(RtspResponseStatuses.OK, cseq);
        if (sessionId != null) {
            response.headers().set(RtspHeaderNames.SESSION, ownSession(request).id());
        }
        return response;
    }

    private FullHttpResponse teardown(FullHttpRequest request, String cseq) {
        PlaybackSession session = ownSession(request);
        end(session);
        FullHttpResponse response = response(RtspResponseStatuses.OK, cseq);
        response.headers().set(RtspHeaderNames.SESSION, session.id());
        return response;
    }

    private FullHttpResponse unsupported(String method, String cseq) {
        if (KNOWN_UNSUPPORTED.contains(method)) {
            FullHttpResponse response = response(RtspResponseStatuses.METHOD_NOT_ALLOWED, cseq);
            response.headers().set(RtspHeaderNames.ALLOW, PUBLIC_METHODS);
            return response;
        }
        return response(RtspResponseStatuses.NOT_IMPLEMENTED, cseq);
    }

    private Mount mountFor(ChannelHandlerContext ctx, FullHttpRequest request) {
        Mount mount = mounts.resolve(request.uri());
        if (mount == null) {
            throw new RtspException(RtspResponseStatuses.NOT_FOUND, "no such mount");
        }
        mount.attach(ctx.channel());
        if (mount.refusing()) {
            throw new RtspException(RtspResponseStatuses.SERVICE_UNAVAILABLE, "mount refuses connections");
        }
        return mount;
    }

    private void authorize(Mount mount, FullHttpRequest request) {
        mount.authenticator().ifPresent(authenticator -> {
            String authorization = request.headers().get(RtspHeaderNames.AUTHORIZATION);
            if (!authenticator.verify(request.method().name(), authorization, nonce)) {
                log.debug("Unauthorized {} for {}", request.method().name(), mount.path());
                throw new RtspException(RtspResponseStatuses.UNAUTHORIZED, "digest required",
                        Map.of(RtspHeaderNames.WWW_AUTHENTICATE.toString(), authenticator.challenge(nonce)));
            }
        });
    }

    /** The session named in the request, which must belong to this connection (its RTP flows here). */
    private PlaybackSession ownSession(FullHttpRequest request) {
        PlaybackSession session = sessions.find(sessionId(request));
        if (session == null || !ownSessions.contains(session)) {
            throw new RtspException(RtspResponseStatuses.SESSION_NOT_FOUND, "unknown session");
        }
        return session;
    }

    private void end(PlaybackSession session) {
        scheduler.stop(session);
        sessions.remove(session);
        ownSessions.remove(session);
        session.sink().close();
    }

    private static String sessionId(FullHttpRequest request) {
        String header = request.headers().get(RtspHeaderNames.SESSION);
        if (header == null) {
            return null;
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
    }

    /** Absolute URI of the mount a request names, without a track suffix or trailing slash. */
    private String aggregateUri(ChannelHandlerContext ctx, String requestUri) {
        String path = MountRegistry.pathOf(requestUri);
        Mount mount = mounts.resolve(requestUri);
        if (mount != null) {
            path = mount.path();
        }
        String authority;
        int scheme = requestUri.indexOf("://");
        if (scheme >= 0) {
            int slash = requestUri.indexOf('/', scheme + 3);
            authority = requestUri.substring(scheme + 3, slash < 0 ? requestUri.length() : slash);
        } else {
            authority = ctx.channel().localAddress() instanceof InetSocketAddress local
                    ? hostLiteral(local.getAddress().getHostAddress()) + ":" + local.getPort() : "127.0.0.1";
        }
        return "rtsp://" + authority + "/" + path;
    }

    private static String localHost(ChannelHandlerContext ctx) {
        return ctx.channel().localAddress() instanceof InetSocketAddress local
                ? local.getAddress().getHostAddress() : "127.0.0.1";
    }

    private static String hostLiteral(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    static FullHttpResponse response(HttpResponseStatus status, String cseq) {
        return response(status, cseq, new byte[0]);
    }

    static FullHttpResponse response(HttpResponseStatus status, String cseq, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, status,
                Unpooled.wrappedBuffer(body));
        if (cseq != null) {
            response.headers().set(RtspHeaderNames.CSEQ, cseq);
        }
        response.headers().set(RtspHeaderNames.SERVER, SERVER_NAME);
        response.headers().setInt(RtspHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }
}
