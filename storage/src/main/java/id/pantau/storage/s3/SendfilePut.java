package id.pantau.storage.s3;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.minio.Http;
import io.minio.Signer;
import io.minio.Time;
import io.minio.Utils;
import io.minio.Xml;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.ErrorResponse;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import okhttp3.HttpUrl;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One S3 PutObject whose body goes from the file to the socket by sendfile (Netty's {@link DefaultFileRegion}),
 * signed by the MinIO SDK with the caller's SHA-256 as the payload hash, so the server still verifies every byte.
 *
 * <p>Why: the SDK's OkHttp client reads the file and writes the socket 8 KiB at a time, through user space; a
 * recorder uploads every byte it records, and at 64 cameras that copying was a fifth of the recorder's CPU.
 * Plain-HTTP endpoints only (TLS needs the bytes in user space); the SDK builds the URL, the Host header and the
 * signature, and a refusal is turned into the SDK's own {@link ErrorResponseException}, so callers see the same
 * failures either way. There is no retry here: a failed segment stays in the spool and its upload is retried.
 */
final class SendfilePut implements AutoCloseable {

    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final S3Settings settings;
    private final S3ClientOptions options;
    private final Http.BaseUrl baseUrl;
    private final Clock clock;
    private final Object groupLock = new Object();
    private EventLoopGroup group;

    /** Whether {@code settings} name an endpoint this can send to: plain http. */
    static boolean supports(S3Settings settings) {
        return "http".equals(settings.endpoint().getScheme());
    }

    SendfilePut(S3Settings settings, S3ClientOptions options, Clock clock) {
        if (!supports(settings)) {
            throw new IllegalArgumentException("sendfile PUT needs a plain http endpoint: " + settings.endpoint());
        }
        this.settings = settings;
        this.options = options;
        this.baseUrl = new Http.BaseUrl(HttpUrl.get(settings.endpoint().toString()));
        this.clock = clock;
    }

    /**
     * Sends {@code sizeBytes} of {@code file} from position 0 as the object {@code key}.
     *
     * @return the SHA-256 the server echoes (base64), or null if it echoes none
     * @throws ErrorResponseException the server refused the object (its S3 error, as the SDK would report it)
     * @throws IOException the exchange failed: no connection, a stall past the timeouts, a connection closed early
     */
    String put(String key, FileChannel file, long sizeBytes, String sha256Hex, String contentType,
            Map<String, String> userMetadata) throws MinioException, IOException {
        Request signed = sign(key, sizeBytes, sha256Hex, contentType, userMetadata);
        FullHttpResponse response = exchange(signed, file, sizeBytes);
        try {
            int status = response.status().code();
            if (status / 100 == 2) {
                return response.headers().get("x-amz-checksum-sha256");
            }
            throw refusal(signed, status, response.status().reasonPhrase(),
                    response.content().toString(StandardCharsets.UTF_8));
        } finally {
            response.release();
        }
    }

    private Request sign(String key, long sizeBytes, String sha256Hex, String contentType,
            Map<String, String> userMetadata) throws MinioException {
        HttpUrl url = baseUrl.buildUrl(Http.Method.PUT, settings.bucket(), key, settings.region(),
                new Http.QueryParameters());
        Request.Builder request = new Request.Builder()
                .url(url)
                .method("PUT", RequestBody.create(new byte[0]))
                .header("Host", Utils.getHostHeader(url))
                .header("x-amz-date", ZonedDateTime.now(clock.withZone(Time.UTC)).format(Time.AMZ_DATE_FORMAT))
                .header("x-amz-content-sha256", sha256Hex)
                .header("Content-Type", contentType)
                .header("Content-Length", Long.toString(sizeBytes));
        userMetadata.forEach((name, value) -> request.header("x-amz-meta-" + name, value));
        return Signer.signV4S3(request.build(), settings.region(), settings.credentials().accessKey(),
                settings.credentials().secretKey(), sha256Hex);
    }

    private FullHttpResponse exchange(Request signed, FileChannel file, long sizeBytes) throws IOException {
        Exchange exchange = new Exchange(options.readTimeout(), options.writeTimeout());
        ChannelFuture connected = new Bootstrap()
                .group(group())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(
                                new IdleStateHandler(true, options.readTimeout().toMillis(),
                                        options.writeTimeout().toMillis(), 0, TimeUnit.MILLISECONDS),
                                new HttpClientCodec(),
                                new HttpObjectAggregator(MAX_RESPONSE_BYTES),
                                exchange);
                    }
                })
                .connect(signed.url().host(), signed.url().port());
        connected.addListener(done -> {
            if (done.isSuccess()) {
                exchange.send(connected.channel(), request(signed), new DefaultFileRegion(file, 0, sizeBytes));
            } else {
                exchange.fail(done.cause());
            }
        });
        try {
            return exchange.response.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while uploading");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            connected.channel().close();
        }
    }

    private static HttpRequest request(Request signed) {
        HttpUrl url = signed.url();
        String target = url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT, target);
        signed.headers().forEach(header -> request.headers().add(header.getFirst(), header.getSecond()));
        return request;
    }

    private static ErrorResponseException refusal(Request signed, int status, String reason, String body) {
        ErrorResponse error = null;
        try {
            error = body.isBlank() ? null : Xml.unmarshal(ErrorResponse.class, body);
        } catch (RuntimeException | MinioException unreadable) {
            // not an S3 error document (a proxy's page, say): the status line is all there is
        }
        if (error == null) {
            error = new ErrorResponse("", reason, null, null, signed.url().encodedPath(), null, null);
        }
        Response response = new Response.Builder().request(signed).protocol(Protocol.HTTP_1_1).code(status)
                .message(reason).build();
        return new ErrorResponseException(error, response, null);
    }

    /** Made at the first put: most stores (health checks, the evidence store) never put a segment. */
    private EventLoopGroup group() {
        synchronized (groupLock) {
            if (group == null) {
                group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("s3-put", true),
                        NioIoHandler.newFactory());
            }
            return group;
        }
    }

    @Override
    public void close() {
        synchronized (groupLock) {
            if (group != null) {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                group = null;
            }
        }
    }

    /**
     * One request and its response on one connection. A failed write does not fail the exchange at once: the
     * server may have refused the request before reading its body (wrong signature, missing bucket), and its
     * answer says more than the broken pipe, so the output is shut and the exchange waits for the answer.
     */
    private static final class Exchange extends SimpleChannelInboundHandler<FullHttpResponse> {
        final CompletableFuture<FullHttpResponse> response = new CompletableFuture<>();
        private final Duration readTimeout;
        private final Duration writeTimeout;
        private volatile boolean sent;
        private volatile Throwable writeFailure;

        Exchange(Duration readTimeout, Duration writeTimeout) {
            this.readTimeout = readTimeout;
            this.writeTimeout = writeTimeout;
        }

        void send(Channel channel, HttpRequest head, DefaultFileRegion body) {
            channel.write(head);
            channel.write(body);
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(written -> {
                if (written.isSuccess()) {
                    sent = true;
                } else {
                    writeFailure = written.cause();
                    if (channel instanceof SocketChannel socket && socket.isActive()) {
                        socket.shutdownOutput();
                    }
                }
            });
        }

        void fail(Throwable cause) {
            response.completeExceptionally(cause);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse answer) {
            if (!response.complete(answer.retain())) {
                answer.release();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (!(event instanceof IdleStateEvent idle)) {
                ctx.fireUserEventTriggered(event);
            } else if (idle.state() == IdleState.WRITER_IDLE && !sent && writeFailure == null) {
                fail(new SocketTimeoutException("no progress sending the request body for "
                        + writeTimeout.toMillis() + " ms"));
                ctx.close();
            } else if (idle.state() == IdleState.READER_IDLE && (sent || writeFailure != null)) {
                fail(new SocketTimeoutException("no response within " + readTimeout.toMillis()
                        + " ms of sending the request"));
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(writeFailure != null ? writeFailure : cause);
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            fail(writeFailure != null ? writeFailure : new EOFException("connection closed before a response"));
        }
    }
}
