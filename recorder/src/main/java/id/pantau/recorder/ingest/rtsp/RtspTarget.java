package id.pantau.recorder.ingest.rtsp;

import id.pantau.recorder.ingest.RtspUrls;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A camera's rtsp:// URL taken apart: where to connect, the URL to put in requests (without credentials) and
 * the percent-decoded user and password. {@link #toString()} never shows the password.
 */
record RtspTarget(String host, int port, String requestUrl, String user, String password) {

    static final int DEFAULT_PORT = 554;

    static RtspTarget parse(String url) {
        URI uri = URI.create(url);
        if (!"rtsp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an rtsp:// URL: " + RtspUrls.redact(url));
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        }
        return new RtspTarget(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT,
                RtspUrls.withoutCredentials(url), user, password);
    }

    boolean hasCredentials() {
        return user != null && !user.isEmpty();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RtspTarget[" + requestUrl + (hasCredentials() ? ", with credentials" : "") + "]";
    }
}
