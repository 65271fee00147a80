package id.pantau.web.live;

import id.pantau.recorder.ingest.CameraState;
import id.pantau.recorder.live.FeedKey;
import id.pantau.recorder.live.FeedStatus;
import id.pantau.recorder.live.LiveHub;
import id.pantau.recorder.live.LiveMessage;
import id.pantau.recorder.live.LiveSubscription;
import id.pantau.recorder.node.CameraStatus;
import id.pantau.recorder.node.RecorderNode;
import jakarta.websocket.Session;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live socket: a text message describing each state and format (JSON), the init segment after each format
 * description, then one binary fMP4 fragment per frame. Sessions are audited (LIVE_START, LIVE_STOP with duration).
 */
@Component
class LiveSocketHandler implements WebSocketHandler {
  static final String VIA = "websocket";
  private static final String VIEWER = "viewer";
  private static final String SUBSCRIPTION = "subscription";
  private static final String STARTED = "startedWallMs";

  private final LiveHub hub;
  private final LiveProperties props;
  private final ExecutorService sendExecutor;
  private final RecorderNode recorder;
  private final LiveAudit audit;
  private final JsonMapper json;
  private final Clock clock;

  LiveSocketHandler(LiveHub hub, LiveProperties props, @Qualifier("liveSendExecutor") ExecutorService sendExecutor,
      RecorderNode recorder, LiveAudit audit, JsonMapper json, Clock clock) {
    this.hub = hub;
    this.props = props;
    this.sendExecutor = sendExecutor;
    this.recorder = recorder;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    FeedKey feed = (FeedKey) session.getAttributes().get(LiveHandshake.FEED);
    Session socket = ((NativeWebSocketSession) session).getNativeSession(Session.class);
    LiveViewer viewer = new LiveViewer(socket, sendExecutor, m -> describe(feed, m));
    session.getAttributes().put(VIEWER, viewer);
    session.getAttributes().put(STARTED, clock.millis());
    audit.started(user(session), feed, source(session), VIA);
    LiveSubscription subscription = hub.subscribe(feed, props.queueFrames(), viewer::ready);
    session.getAttributes().put(SUBSCRIPTION, subscription);
    viewer.attach(subscription);
  }

  @Override
  public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
    // the player sends nothing that matters; anything it sends is ignored
  }

  @Override
  public void handleTransportError(WebSocketSession session, Throwable exception) throws Exception {
    session.close(CloseStatus.SERVER_ERROR);
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
    LiveViewer viewer = (LiveViewer) session.getAttributes().get(VIEWER);
    LiveSubscription subscription = (LiveSubscription) session.getAttributes().get(SUBSCRIPTION);
    if (viewer == null || subscription == null) {
      return;
    }
    viewer.close();
    subscription.close();
    long durationMs = clock.millis() - (Long) session.getAttributes().get(STARTED);
    audit.stopped(user(session), subscription.key(), source(session), VIA, durationMs, "frames="
        + subscription.framesDelivered() + " skipped=" + subscription.framesDropped() + " skips="
        + subscription.skips());
  }

  @Override
  public boolean supportsPartialMessages() {
    return false;
  }

  /** The JSON text message of a format or state. */
  String describe(FeedKey feed, LiveMessage message) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (message instanceof LiveMessage.Init init) {
      m.put("type", "init");
      m.put("mime", init.mimeType());
      m.put("width", init.width());
      m.put("height", init.height());
    } else if (message instanceof LiveMessage.State state) {
      FeedStatus status = state.status();
      m.put("type", "status");
      m.put("state", status.state().name());
      m.put("detail", status.detail());
      recorder.status(feed.cameraId()).map(CameraStatus::state).ifPresent(c -> {
        m.put("camera", c.phase().name());
        m.put("cameraDetail", c.detail());
      });
      m.put("linkDown", linkDown(status, recorder.status(feed.cameraId()).map(CameraStatus::state).orElse(null)));
    }
    m.put("camera_id", feed.cameraId());
    m.put("stream", feed.stream().pathName());
    return json.writeValueAsString(m);
  }

  /** The camera is out of reach (rather than misbehaving): most often the link under it is down. */
  static boolean linkDown(FeedStatus feed, CameraState camera) {
    String detail = camera != null && camera.phase() != CameraState.Phase.RECORDING ? camera.detail() : feed.detail();
    return feed.state() == FeedStatus.State.RECONNECTING && detail != null
        && (detail.startsWith("unreachable") || detail.startsWith("stalled"));
  }

  private static String user(WebSocketSession session) {
    return (String) session.getAttributes().get(LiveHandshake.USER);
  }

  private static String source(WebSocketSession session) {
    return (String) session.getAttributes().get(LiveHandshake.SOURCE);
  }
}
