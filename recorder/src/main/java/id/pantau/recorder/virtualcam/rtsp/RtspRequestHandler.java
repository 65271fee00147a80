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
import io.netty.handler.codec.http.HttpHeaders;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Answers the RTSP requests of one connection (OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER, TEARDOWN) and owns the
 * sessions it set up: they end with TEARDOWN or when the connection closes (also UDP sessions, which RFC 2326
 * would let outlive it; clients such as FFmpeg and VLC keep the connection open anyway). What is served comes from
 * {@link RtspMounts}; a mount resolved once stays with the connection. Requests are answered one at a time, in
 * order, also while a mount takes time to resolve.
 */
public final class RtspRequestHandler extends ChannelInboundHandlerAdapter {

    static final String SERVER_NAME = "Pantau-VirtualCamera/1.0";
    static final int SESSION_TIMEOUT_SECONDS = 60;
    static final String PUBLIC_METHODS = "OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER, TEARDOWN";
    private static final List<String> KNOWN_UNSUPPORTED = List.of("ANNOUNCE", "RECORD", "PAUSE", "SET_PARAMETER",
            "REDIRECT");
    private static final Logger log = LoggerFactory.getLogger(RtspRequestHandler.class);

    private final RtspMounts mounts;
    private final SessionRegistry sessions;
    private final int maxPayloadBytes;
    private final String serverName;
    private final String title;
    private final List<RtspSession> ownSessions = new ArrayList<>();
    private final Map<String, CompletableFuture<RtspMount>> resolved = new HashMap<>();
    private final ArrayDeque<Request> waiting = new ArrayDeque<>();
    private final String nonce;
    private boolean busy;
    private boolean closed;

    /** A request as far as the handler needs it, kept beyond the release of Netty's message. */
    private record Request(String method, String uri, String cseq, boolean malformed, HttpHeaders headers) {
        String header(CharSequence name) {
            return headers.get(name);
        }
    }

    /** A response and what to do once it is written. */
    private record Answer(FullHttpResponse response, Runnable afterWrite) {
    }

    public RtspRequestHandler(MountRegistry mounts, SessionRegistry sessions, PlaybackScheduler scheduler,
                              int maxPayloadBytes) {
        this(ClipMount.resolver(mounts, scheduler), sessions, maxPayloadBytes, SERVER_NAME,
                SessionDescription.DEFAULT_TITLE);
    }

    public RtspRequestHandler(RtspMounts mounts, SessionRegistry sessions, int maxPayloadBytes, String serverName,
                              String title) {
        this.mounts = mounts;
        this.sessions = sessions;
        this.maxPayloadBytes = maxPayloadBytes;
        this.serverName = serverName;
        this.title = title;
        byte[] nonceBytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonceBytes);
        this.nonce = HexFormat.of().formatHex(nonceBytes);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof FullHttpRequest request) {
                waiting.add(new Request(request.method().name().toUpperCase(Locale.ROOT), request.uri(),
                        request.headers().get(RtspHeaderNames.CSEQ), request.decoderResult().isFailure(),
                        request.headers().copy()));
                answerWaiting(ctx);
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
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable()) {
            for (RtspSession session : List.copyOf(ownSessions)) {
                session.player().writable();
            }
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closed = true;
        waiting.clear();
        for (RtspSession session : List.copyOf(ownSessions)) {
            end(session);
        }
        for (CompletableFuture<RtspMount> mount : resolved.values()) {
            mount.thenAccept(m -> {
                if (m != null) {
                    m.release();
                }
            });
        }
        resolved.clear();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Closing RTSP connection {} after {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    /** Answers waiting requests in order; one whose mount is still resolving holds back those after it. */
    private void answerWaiting(ChannelHandlerContext ctx) {
        while (!busy && !closed && !waiting.isEmpty()) {
            Request request = waiting.poll();
            if (request.malformed() || request.cseq() == null) {
                ctx.writeAndFlush(response(RtspResponseStatuses.BAD_REQUEST, request.cseq()))
                        .addListener(ChannelFutureListener.CLOSE);
                closed = true;
                return;
            }
            CompletableFuture<Answer> answer = handle(ctx, request);
            if (answer.isDone()) {
                write(ctx, request, answer);
            } else {
                busy = true;
                answer.whenCompleteAsync((a, e) -> {
                    busy = false;
                    if (!closed) {
                        write(ctx, request, answer);
                        answerWaiting(ctx);
                    }
                }, ctx.executor());
            }
        }
    }

    private void write(ChannelHandlerContext ctx, Request request, CompletableFuture<Answer> answer) {
        Answer a;
        try {
            a = answer.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            a = new Answer(failure(e.getCause() == null ? e : e.getCause(), request.cseq()), null);
        }
        ctx.writeAndFlush(a.response());
        if (a.afterWrite() != null) {
            a.afterWrite().run(); // after the answer, so RTP never overtakes the PLAY response
        }
    }

    private FullHttpResponse failure(Throwable cause, String cseq) {
        if (cause instanceof RtspException e) {
            FullHttpResponse response = response(e.status(), cseq);
            e.headers().forEach(response.headers()::set);
            return response;
        }
        log.warn("RTSP request failed", cause);
        return response(RtspResponseStatuses.INTERNAL_SERVER_ERROR, cseq);
    }

    private CompletableFuture<Answer> handle(ChannelHandlerContext ctx, Request request) {
        String cseq = request.cseq();
        log.debug("{} {} from {}", request.method(), request.uri(), ctx.channel().remoteAddress());
        try {
            return switch (request.method()) {
                case "OPTIONS" -> now(options(cseq));
                case "DESCRIBE" -> mountFor(ctx, request).thenApply(mount -> new Answer(describe(ctx, request, mount),
                        null));
                case "SETUP" -> mountFor(ctx, request).thenApply(mount -> new Answer(setup(ctx, request, mount),
                        null));
                case "PLAY" -> {
                    RtspSession session = ownSession(request);
                    yield CompletableFuture.completedFuture(new Answer(play(ctx, request, session),
                            () -> session.player().play()));
                }
                case "GET_PARAMETER" -> now(getParameter(request, cseq));
                case "TEARDOWN" -> now(teardown(request, cseq));
                default -> now(unsupported(request.method(), cseq));
            };
        } catch (RtspException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static CompletableFuture<Answer> now(FullHttpResponse response) {
        return CompletableFuture.completedFuture(new Answer(response, null));
    }

    private FullHttpResponse options(String cseq) {
        FullHttpResponse response = response(RtspResponseStatuses.OK, cseq);
        response.headers().set(RtspHeaderNames.PUBLIC, PUBLIC_METHODS);
        return response;
    }

    private FullHttpResponse describe(ChannelHandlerContext ctx, Request request, RtspMount mount) {
        authorize(mount, request);
        String base = aggregateUri(ctx, request.uri(), mount) + "/";
        String sdp = SessionDescription.of(mount.description(), System.currentTimeMillis(), localHost(ctx), title);
        FullHttpResponse response = response(RtspResponseStatuses.OK, request.cseq(),
                sdp.getBytes(StandardCharsets.US_ASCII));
        response.headers().set(RtspHeaderNames.CONTENT_TYPE, "application/sdp");
        response.headers().set(RtspHeaderNames.CONTENT_BASE, base);
        return response;
    }

    private FullHttpResponse setup(ChannelHandlerContext ctx, Request request, RtspMount mount) {
        authorize(mount, request);
        String sessionId = sessionId(request);
        if (sessionId != null) {
            if (sessions.find(sessionId) == null) {
                throw new RtspException(RtspResponseStatuses.SESSION_NOT_FOUND, "unknown session");
            }
            throw new RtspException(RtspResponseStatuses.AGGREGATE_OPERATION_NOT_ALLOWED, "one track per session");
        }
        TransportSpec transport = TransportSpec.parse(request.header(RtspHeaderNames.TRANSPORT));
        if (transport == null) {
            throw new RtspException(RtspResponseStatuses.UNSUPPORTED_TRANSPORT, "only RTP/AVP over TCP or UDP");
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        RtpStream stream = new RtpStream(random.nextInt(), random.nextInt(0x10000), SessionDescription.PAYLOAD_TYPE,
                NalPacketizer.forCodec(mount.description().codec(), maxPayloadBytes));
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
        RtspSession session = new RtspSession(sessions.newId(), mount, ctx.channel(), sink);
        session.player(mount.player(session));
        sessions.add(session);
        ownSessions.add(session);
        FullHttpResponse response = response(RtspResponseStatuses.OK, request.cseq());
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

    private FullHttpResponse play(ChannelHandlerContext ctx, Request request, RtspSession session) {
        RtspMount mount = session.mount();
        authorize(mount, request);
        if (mount.refusing()) {
            throw new RtspException(RtspResponseStatuses.SERVICE_UNAVAILABLE, "mount refuses connections");
        }
        String trackUri = aggregateUri(ctx, request.uri(), mount) + "/" + SessionDescription.TRACK_CONTROL;
        FullHttpResponse response = response(RtspResponseStatuses.OK, request.cseq());
        response.headers().set(RtspHeaderNames.SESSION, session.id());
        response.headers().set(RtspHeaderNames.RANGE, "npt=0.000-");
        response.headers().set(RtspHeaderNames.RTP_INFO, "url=" + trackUri + ";seq=" + session.sink().nextSequence()
                + ";rtptime=" + session.player().nextTimestamp90k());
        return response;
    }

    private FullHttpResponse getParameter(Request request, String cseq) {
        String sessionId = sessionId(request);
        FullHttpResponse response = response(RtspResponseStatuses.OK, cseq);
        if (sessionId != null) {
            response.headers().set(RtspHeaderNames.SESSION, ownSession(request).id());
        }
        return response;
    }

    private FullHttpResponse teardown(Request request, String cseq) {
        RtspSession session = ownSession(request);
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

    /** The mount the request names, resolved once per connection; 404 when there is none, 503 while refusing. */
    private CompletableFuture<RtspMount> mountFor(ChannelHandlerContext ctx, Request request) {
        String path = mountPathOf(request.uri());
        CompletableFuture<RtspMount> mount = resolved.get(path);
        if (mount == null || mount.isCompletedExceptionally() || (mount.isDone() && mount.join() == null)) {
            mount = mounts.resolve(new RtspRequestContext(request.method(), request.uri(), path,
                    request.header(RtspHeaderNames.AUTHORIZATION), ctx.channel())).toCompletableFuture();
            resolved.put(path, mount);
        }
        return mount.thenApply(m -> {
            if (m == null) {
                throw new RtspException(RtspResponseStatuses.NOT_FOUND, "no such mount");
            }
            if (m.refusing()) {
                throw new RtspException(RtspResponseStatuses.SERVICE_UNAVAILABLE, "mount refuses connections");
            }
            return m;
        });
    }

    private void authorize(RtspMount mount, Request request) {
        try {
            mount.authorize(request.method(), request.header(RtspHeaderNames.AUTHORIZATION), nonce);
        } catch (RtspException e) {
            log.debug("Unauthorized {} for {}", request.method(), mount.path());
            throw e;
        }
    }

    /** The session named in the request, which must belong to this connection (its RTP flows here). */
    private RtspSession ownSession(Request request) {
        RtspSession session = sessions.find(sessionId(request));
        if (session == null || !ownSessions.contains(session)) {
            throw new RtspException(RtspResponseStatuses.SESSION_NOT_FOUND, "unknown session");
        }
        return session;
    }

    private void end(RtspSession session) {
        session.player().stop();
        sessions.remove(session);
        ownSessions.remove(session);
        session.sink().close();
    }

    private static String sessionId(Request request) {
        String header = request.header(RtspHeaderNames.SESSION);
        if (header == null) {
            return null;
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
    }

    /** Mount path of a request URI: a trailing track suffix such as {@code /trackID=0} is not part of it. */
    static String mountPathOf(String uri) {
        String path = MountRegistry.pathOf(uri);
        int slash = path.lastIndexOf('/');
        if (slash > 0 && path.substring(slash + 1).toLowerCase(Locale.ROOT).startsWith("trackid=")) {
            return path.substring(0, slash);
        }
        return path;
    }

    /** Absolute URI of the mount a request names, without a track suffix or trailing slash. */
    private static String aggregateUri(ChannelHandlerContext ctx, String requestUri, RtspMount mount) {
        String authority;
        int scheme = requestUri.indexOf("://");
        if (scheme >= 0) {
            int slash = requestUri.indexOf('/', scheme + 3);
            authority = requestUri.substring(scheme + 3, slash < 0 ? requestUri.length() : slash);
        } else {
            authority = ctx.channel().localAddress() instanceof InetSocketAddress local
                    ? hostLiteral(local.getAddress().getHostAddress()) + ":" + local.getPort() : "127.0.0.1";
        }
        return "rtsp://" + authority + "/" + mount.path();
    }

    private static String localHost(ChannelHandlerContext ctx) {
        return ctx.channel().localAddress() instanceof InetSocketAddress local
                ? local.getAddress().getHostAddress() : "127.0.0.1";
    }

    private static String hostLiteral(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    FullHttpResponse response(HttpResponseStatus status, String cseq) {
        return response(status, cseq, new byte[0]);
    }

    FullHttpResponse response(HttpResponseStatus status, String cseq, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, status,
                Unpooled.wrappedBuffer(body));
        if (cseq != null) {
            response.headers().set(RtspHeaderNames.CSEQ, cseq);
        }
        response.headers().set(RtspHeaderNames.SERVER, serverName);
        response.headers().setInt(RtspHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }
}
