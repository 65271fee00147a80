package id.pantau.web.live;

import id.pantau.recorder.live.FeedKey;
import id.pantau.recorder.live.LiveStream;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.web.security.CameraAccess;
import id.pantau.web.security.Capability;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Admits a live socket ({@code /live/socket/{cameraId}?stream=main|sub}) only for a signed-in user (session cookie
 * or bearer token, through the security chain) with the LIVE permission on the camera; any other camera, existing
 * or not, is refused 404 before the upgrade.
 */
@Component
class LiveHandshake implements HandshakeInterceptor {
  static final String PATH_PREFIX = "/live/socket/";
  static final String FEED = "feed";
  static final String USER = "user";
  static final String SOURCE = "source";

  private final CameraAccess access;
  private final CameraRepository cameras;

  LiveHandshake(CameraAccess access, CameraRepository cameras) {
    this.access = access;
    this.cameras = cameras;
  }

  @Override
  public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
      Map<String, Object> attributes) {
    String path = request.getURI().getPath();
    String cameraId = path.substring(path.indexOf(PATH_PREFIX) + PATH_PREFIX.length());
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (!access.permits(auth, cameraId, Capability.LIVE)) {
      response.setStatusCode(HttpStatus.NOT_FOUND);
      return false;
    }
    LiveStream requested;
    try {
      String stream = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("stream");
      requested = stream == null ? LiveStream.SUB : LiveStream.parse(stream);
    } catch (IllegalArgumentException e) {
      response.setStatusCode(HttpStatus.BAD_REQUEST);
      return false;
    }
    FeedKey feed = cameras.find(cameraId).map(c -> LiveStreams.feedFor(c, requested)).orElse(null);
    if (feed == null) {
      response.setStatusCode(HttpStatus.NOT_FOUND);
      return false;
    }
    attributes.put(FEED, feed);
    attributes.put(USER, auth.getName());
    attributes.put(SOURCE, request.getRemoteAddress() == null || request.getRemoteAddress().getAddress() == null
        ? null : request.getRemoteAddress().getAddress().getHostAddress());
    return true;
  }

  @Override
  public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
      Exception exception) {}
}
