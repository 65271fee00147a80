package id.pantau.storage.camera;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Rejects camera definitions that would be unsafe or meaningless: ids that could escape an object key,
 * URLs that are not plain rtsp/rtsps (FFmpeg would happily open {@code file:}, {@code concat:} and more),
 * and credentials smuggled into the URL where they would end up in logs.
 */
public final class CameraValidator {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern UNSAFE_URL_CHARS = Pattern.compile("[\\s;|&$`<>\"'\\\\{}^]");

  private CameraValidator() {}

  /** Validates with the default camera networks (private ranges and loopback). */
  public static Camera validate(Camera c) {
    return validate(c, CameraNetworks.privateAndLoopback());
  }

  /** Validates the camera, and that both URLs point into the given camera networks. */
  public static Camera validate(Camera c, CameraNetworks networks) {
    requireId(c.id());
    requireCameraUrl("mainUrl", c.mainUrl(), networks);
    if (c.subUrl() != null && !c.subUrl().isBlank()) {
      requireCameraUrl("subUrl", c.subUrl(), networks);
    }
    if (c.name().length() > 200) {
      throw new InvalidCameraException("name", "at most 200 characters");
    }
    if (c.retentionDays() > 3650) {
      throw new InvalidCameraException("retentionDays", "at most 3650 days");
    }
    return c;
  }

  /** Camera ids become parts of object keys and URLs, so they are restricted to a safe alphabet. */
  public static String requireId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidCameraException("id",
          "must be 1-64 characters of a-z, 0-9 and '-', starting with a letter or digit: " + quote(id));
    }
    return id;
  }

  /** A plain rtsp/rtsps URL whose host lies inside the camera networks. */
  public static URI requireCameraUrl(String field, String url, CameraNetworks networks) {
    URI uri = requireRtspUrl(field, url);
    networks.requireInside(field, uri.getHost());
    return uri;
  }

  /** A plain rtsp/rtsps URL, whatever its host. */
  public static URI requireRtspUrl(String field, String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidCameraException(field, "an rtsp:// or rtsps:// URL is required");
    }
    if (UNSAFE_URL_CHARS.matcher(url).find()) {
      throw new InvalidCameraException(field, "contains characters not allowed in a camera URL");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new InvalidCameraException(field, "malformed URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("rtsp") || scheme.equalsIgnoreCase("rtsps"))) {
      throw new InvalidCameraException(field,
          "only rtsp:// and rtsps:// URLs are accepted, not " + (scheme == null ? "a relative URL" : scheme + ":"));
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new InvalidCameraException(field, "the URL has no host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidCameraException(field,
          "credentials in the URL are not accepted; use the username and password fields");
    }
    if (uri.getPort() > 65535) {
      throw new InvalidCameraException(field, "port out of range");
    }
    return uri;
  }

  private static String quote(String s) {
    return s == null ? "null" : "'" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "'";
  }
}
