package id.pantau.recorder.ingest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Camera URL helpers: credentials go into the URL given to FFmpeg and never into logs or messages. */
public final class RtspUrls {

    private static final Pattern USERINFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]*@");

    private RtspUrls() {
    }

    /** The URL, or any text containing URLs, with every user:password@ replaced by ***@. */
    public static String redact(String text) {
        return text == null ? null : USERINFO.matcher(text).replaceAll("$1***@");
    }

    /** The URL without any user or password in it. */
    public static String withoutCredentials(String url) {
        return url == null ? null : USERINFO.matcher(url).replaceFirst("$1");
    }

    /** Puts user and password into the URL (percent-encoded), replacing any already there. */
    public static String withCredentials(String url, String user, String password) {
        if (user == null || user.isEmpty()) {
            return url;
        }
        String bare = USERINFO.matcher(url).replaceFirst("$1");
        int schemeEnd = bare.indexOf("://") + 3;
        String userInfo = encode(user) + (password == null ? "" : ":" + encode(password));
        return bare.substring(0, schemeEnd) + userInfo + "@" + bare.substring(schemeEnd);
    }

    /** Host and port of an rtsp:// URL (default port 554). */
    public static URI hostAndPort(String url) {
        URI uri = URI.create(USERINFO.matcher(url).replaceFirst("$1"));
        int port = uri.getPort() > 0 ? uri.getPort() : 554;
        return URI.create("tcp://" + uri.getHost() + ":" + port);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
