package id.pantau.recorder.ingest.rtsp;

import id.pantau.recorder.ingest.IngestFailure;
import id.pantau.recorder.ingest.IngestFailure.Kind;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Turns RTSP answers and socket errors into the failures an operator reads, in the FFmpeg ingest's words. */
final class RtspFailures {

    private RtspFailures() {
    }

    /** A camera's non-2xx answer to a request. */
    static IngestFailure forStatus(String method, RtspResponse response) {
        int status = response.status();
        String text = response.statusText();
        if (status == 401 || status == 403) {
            return new IngestFailure(Kind.AUTH_FAILED, "authentication failed: camera answered " + text);
        }
        if (status == 404) {
            return new IngestFailure(Kind.NOT_FOUND, "stream not found on camera (404)");
        }
        if (status >= 500) {
            return new IngestFailure(Kind.UNREACHABLE, "unreachable: camera answered " + method + " with " + text);
        }
        return new IngestFailure(Kind.MALFORMED, "malformed stream: camera answered " + method + " with " + text);
    }

    /** A failed connect. */
    static IngestFailure forConnect(Throwable cause, long openMs) {
        if (cause instanceof ConnectTimeoutException) {
            return noAnswer(openMs);
        }
        if (cause instanceof ConnectException) {
            return new IngestFailure(Kind.UNREACHABLE, "unreachable: connection refused");
        }
        if (cause instanceof NoRouteToHostException) {
            return new IngestFailure(Kind.UNREACHABLE, "unreachable: no route to host");
        }
        if (cause instanceof UnknownHostException) {
            return new IngestFailure(Kind.UNREACHABLE, "unreachable: unknown host");
        }
        return new IngestFailure(Kind.UNREACHABLE, "unreachable: " + describe(cause));
    }

    static IngestFailure noAnswer(long openMs) {
        return new IngestFailure(Kind.UNREACHABLE, "unreachable: no answer within " + openMs + " ms");
    }

    /** An error on an established connection. */
    static IngestFailure forConnectionError(Throwable cause) {
        if (cause instanceof DecoderException) {
            return new IngestFailure(Kind.MALFORMED, "malformed stream: " + describe(cause.getCause() != null
                    ? cause.getCause() : cause));
        }
        return new IngestFailure(Kind.ENDED, "connection lost: " + describe(cause));
    }

    static IngestFailure closedByCamera(boolean playing) {
        return playing ? new IngestFailure(Kind.ENDED, "connection lost: camera closed the connection")
                : new IngestFailure(Kind.UNREACHABLE, "unreachable: camera closed the connection during setup");
    }

    /** Exception text without addresses or URLs (the message of a socket error names the camera's address). */
    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        int colon = message.indexOf(':');
        return (colon > 0 ? message.substring(0, colon) : message).toLowerCase(Locale.ROOT);
    }
}
