package id.pantau.recorder.virtualcam.rtsp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 2617 Digest (MD5) as RTSP cameras and clients use it: the server offers realm and nonce without qop; a client
 * that still answers with qop=auth is verified too.
 */
public final class DigestAuthenticator {

    private final String realm;
    private final String username;
    private final String ha1;

    public DigestAuthenticator(String realm, String username, String password) {
        this.realm = realm;
        this.username = username;
        this.ha1 = md5Hex(username + ":" + realm + ":" + password); // the password itself is not kept
    }

    /** Value of the WWW-Authenticate header for a 401 answer. */
    public String challenge(String nonce) {
        return "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=MD5";
    }

    /** True when {@code authorization} is a valid Digest answer to {@code nonce} for this request method. */
    public boolean verify(String method, String authorization, String nonce) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            return false;
        }
        Map<String, String> params = parseParameters(authorization.substring(7));
        String uri = params.get("uri");
        String response = params.get("response");
        if (!username.equals(params.get("username")) || !realm.equals(params.get("realm"))
                || !nonce.equals(params.get("nonce")) || uri == null || response == null) {
            return false;
        }
        String ha2 = md5Hex(method + ":" + uri);
        String qop = params.get("qop");
        String expected = qop == null
                ? md5Hex(ha1 + ":" + nonce + ":" + ha2)
                : md5Hex(ha1 + ":" + nonce + ":" + params.getOrDefault("nc", "") + ":"
                        + params.getOrDefault("cnonce", "") + ":" + qop + ":" + ha2);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** Parses {@code key=value, key="quoted, value"} lists. */
    static Map<String, String> parseParameters(String text) {
        Map<String, String> params = new HashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
                i++;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String value;
            if (i < n && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    close = n;
                }
                value = text.substring(i + 1, close);
                i = close + 1;
            } else {
                int comma = text.indexOf(',', i);
                if (comma < 0) {
                    comma = n;
                }
                value = text.substring(i, comma).trim();
                i = comma;
            }
            params.put(key, value);
        }
        return params;
    }

    static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java runtime", e);
        }
    }
}
