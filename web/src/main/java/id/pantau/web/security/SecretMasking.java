package id.pantau.web.security;

import java.util.regex.Pattern;

/**
 * Removes secrets from text bound for a log: the user-info part of URLs ({@code rtsp://user:pass@host}),
 * {@code password=...}-style pairs and API tokens. Defence in depth: code should not log them in the first place.
 */
public final class SecretMasking {
  private static final Pattern URL_USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]{1,15}://)[^/\\s\"'<>]+@");
  private static final Pattern KEY_VALUE = Pattern.compile(
      "(?i)\\b(password|passwd|pwd|passphrase|secret[-_]?key|secret|credential|credentials)"
          + "(\"?\\s*[=:]\\s*\"?)([^\\s\"',;&}\\]]+)");
  private static final Pattern API_TOKEN = Pattern.compile("\\b" + ApiTokens.PREFIX + "[A-Za-z0-9_-]{8,}");

  private SecretMasking() {}

  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = text;
    if (s.indexOf('@') >= 0) {
      s = URL_USERINFO.matcher(s).replaceAll("$1***@");
    }
    s = KEY_VALUE.matcher(s).replaceAll("$1$2***");
    if (s.contains(ApiTokens.PREFIX)) {
      s = API_TOKEN.matcher(s).replaceAll(ApiTokens.PREFIX + "***");
    }
    return s;
  }
}
