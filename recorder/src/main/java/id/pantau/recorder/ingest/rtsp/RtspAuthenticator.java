package id.pantau.recorder.ingest.rtsp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Answers a camera's authentication challenge (RFC 2617 as RTSP uses it): Digest with MD5, with or without
 * qop=auth, preferred over Basic when both are offered. Once challenged it signs every later request, as
 * cameras expect. The password is kept only to compute answers and never appears in a message.
 */
final class RtspAuthenticator {

    private final String user;
    private final String password;
    private Map<String, String> digest;
    private boolean basic;
    private int nonceCount;

    RtspAuthenticator(String user, String password) {
        this.user = user;
        this.password = password == null ? "" : password;
    }

    /**
     * Takes the WWW-Authenticate values of a 401 answer.
     *
     * @return true if the request is worth repeating with an answer: there are credentials, a known scheme,
     *     and the challenge is new (first one, or a stale nonce) rather than a refusal of the answer just sent
     */
    boolean challenge(List<String> wwwAuthenticate) {
        if (user == null || user.isEmpty()) {
            return false;
        }
        boolean answeredBefore = digest != null || basic;
        for (String value : wwwAuthenticate) {
            if (value.regionMatches(true, 0, "Digest ", 0, 7)) {
                Map<String, String> params = parameters(value.substring(7));
                boolean stale = "true".equalsIgnoreCase(params.get("stale"));
                String algorithm = params.getOrDefault("algorithm", "MD5");
                if (!algorithm.equalsIgnoreCase("MD5") || params.get("nonce") == null) {
                    continue;
                }
                digest = params;
                nonceCount = 0;
                return !answeredBefore || stale;
            }
        }
        for (String value : wwwAuthenticate) {
            if (value.regionMatches(true, 0, "Basic", 0, 5)) {
                basic = true;
                return !answeredBefore;
            }
        }
        return false;
    }

    /** The Authorization header for a request, or null before any challenge. */
    String authorization(String method, String uri) {
        if (digest != null) {
            return digestAnswer(method, uri);
        }
        if (basic) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    private String digestAnswer(String method, String uri) {
        String realm = digest.getOrDefault("realm", "");
        String nonce = digest.get("nonce");
        String ha1 = md5Hex(user + ":" + realm + ":" + password);
        String ha2 = md5Hex(method + ":" + uri);
        StringBuilder header = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"")
                .append(realm).append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append('"');
        String qop = digest.get("qop");
        if (qop != null && List.of(qop.toLowerCase(Locale.ROOT).split("\\s*,\\s*")).contains("auth")) {
            String nc = String.format("%08x", ++nonceCount);
            String cnonce = HexFormat.of().formatHex(randomBytes());
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append("\", response=\"")
                    .append(md5Hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)).append('"');
        } else {
            header.append(", response=\"").append(md5Hex(ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        if (digest.containsKey("opaque")) {
            header.append(", opaque=\"").append(digest.get("opaque")).append('"');
        }
        return header.append(", algorithm=MD5").toString();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** Parses {@code key=value, key="quoted, value"} lists; keys lower-cased. */
    static Map<String, String> parameters(String text) {
        Map<String, String> params = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = text.substring(i, eq).replace(",", "").strip().toLowerCase(Locale.ROOT);
            int valueStart = eq + 1;
            int next;
            String value;
            if (valueStart < text.length() && text.charAt(valueStart) == '"') {
                int close = text.indexOf('"', valueStart + 1);
                close = close < 0 ? text.length() : close;
                value = text.substring(valueStart + 1, close);
                next = close + 1;
            } else {
                int comma = text.indexOf(',', valueStart);
                comma = comma < 0 ? text.length() : comma;
                value = text.substring(valueStart, comma).strip();
                next = comma;
            }
            params.put(key, value);
            i = next;
        }
        return params;
    }

    static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java runtime", e);
        }
    }
}
