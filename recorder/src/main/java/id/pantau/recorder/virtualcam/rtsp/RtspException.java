package id.pantau.recorder.virtualcam.rtsp;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.Map;

/** A request that ends in an RTSP error status; thrown while handling and turned into the answer. */
public final class RtspException extends RuntimeException {

    private final HttpResponseStatus status;
    private final Map<String, String> headers;

    public RtspException(HttpResponseStatus status, String reason) {
        this(status, reason, Map.of());
    }

    public RtspException(HttpResponseStatus status, String reason, Map<String, String> headers) {
        super(reason, null, false, false);
        this.status = status;
        this.headers = headers;
    }

    public HttpResponseStatus status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
