package id.pantau.storage.s3;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Set;

import id.pantau.storage.s3.ObjectStoreException.Reason;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.ErrorResponse;

/** Turns MinIO SDK failures into {@link ObjectStoreException}s that say what went wrong and where. */
final class MinioErrors {

    private static final Set<String> AUTH_CODES = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "AccessDenied", "InvalidToken", "ExpiredToken", "AuthorizationHeaderMalformed",
            "RequestTimeTooSkewed");
    private static final Set<String> NOT_FOUND_CODES = Set.of("NoSuchKey", "NoSuchObject", "NotFound");
    private static final Set<String> CHECKSUM_CODES = Set.of("BadDigest", "InvalidDigest", "XAmzContentSHA256Mismatch",
            "XAmzContentChecksumMismatch", "IncompleteBody");

    private final String endpoint;
    private final String bucket;
    private final String secret;

    MinioErrors(S3Settings settings) {
        this.endpoint = settings.endpoint().toString();
        this.bucket = settings.bucket();
        this.secret = settings.credentials().secretKey();
    }

    /** @param operation what was attempted, e.g. "put" @param key object key or null for bucket operations */
    ObjectStoreException translate(String operation, String key, Throwable failure) {
        String where = operation + (key == null ? "" : " '" + key + "'") + " in bucket '" + bucket + "' at " + endpoint;
        ErrorResponseException response = find(failure, ErrorResponseException.class);
        if (response != null) {
            return fromErrorResponse(where, key, response);
        }
        IOException io = find(failure, IOException.class);
        if (io != null && isNetwork(io)) {
            return new ObjectStoreException(Reason.UNREACHABLE,
                    "endpoint unreachable during " + where + " (" + describe(io) + ")", failure);
        }
        return new ObjectStoreException(Reason.OTHER, where + " failed (" + describe(rootOf(failure)) + ")", failure);
    }

    private ObjectStoreException fromErrorResponse(String where, String key, ErrorResponseException e) {
        ErrorResponse error = e.errorResponse();
        String code = error == null || error.code() == null ? "" : error.code();
        int status = e.response() == null ? -1 : e.response().code();
        String detail = "S3 error " + (code.isEmpty() ? "" : code + " ") + "HTTP " + status;
        if (AUTH_CODES.contains(code) || status == 401 || status == 403) {
            return new ObjectStoreException(Reason.AUTH_FAILED,
                    "credentials rejected during " + where + " (" + detail + "; check access key and secret key)", e);
        }
        if ("NoSuchBucket".equals(code)) {
            return new ObjectStoreException(Reason.BUCKET_NOT_FOUND, "bucket missing during " + where
                    + " (" + detail + ")", e);
        }
        if (NOT_FOUND_CODES.contains(code) || (status == 404 && key != null)) {
            return new ObjectNotFoundException("object not found: " + where + " (" + detail + ")", e);
        }
        if (CHECKSUM_CODES.contains(code)) {
            return new ObjectStoreException(Reason.CHECKSUM_MISMATCH, "server rejected the data during " + where
                    + " (" + detail + ")", e);
        }
        return new ObjectStoreException(Reason.OTHER, where + " failed (" + detail + redact(messageOf(error)) + ")", e);
    }

    private static boolean isNetwork(IOException e) {
        // ConnectException and NoRouteToHostException are SocketExceptions; SocketTimeoutException is an
        // InterruptedIOException (OkHttp's call timeout too); EOF means the server went away mid-exchange
        return e instanceof SocketException || e instanceof InterruptedIOException
                || e instanceof UnknownHostException || e instanceof EOFException;
    }

    private static String messageOf(ErrorResponse error) {
        return error == null || error.message() == null ? "" : ": " + error.message();
    }

    private String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + redact(t.getMessage()));
    }

    /** Defence in depth: the secret is never sent over the wire, but never let it reach a log either. */
    private String redact(String text) {
        return secret.isEmpty() ? text : text.replace(secret, "***");
    }

    private static Throwable rootOf(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
