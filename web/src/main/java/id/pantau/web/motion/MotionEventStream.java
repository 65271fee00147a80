package id.pantau.web.motion;

import id.pantau.web.security.CameraAccess;
import id.pantau.web.security.Capability;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live motion notifications as server-sent events. Each subscriber gets only events of cameras it may watch
 * live or play back, checked at every event so a revoked grant takes effect at once.
 */
class MotionEventStream {
  static final long TIMEOUT_MS = 30 * 60_000L;

  private record Subscriber(SseEmitter emitter, Authentication auth) {}

  private final CameraAccess access;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

  MotionEventStream(CameraAccess access) {
    this.access = access;
  }

  SseEmitter subscribe(Authentication auth) {
    SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
    Subscriber s = new Subscriber(emitter, auth);
    subscribers.add(s);
    emitter.onCompletion(() -> subscribers.remove(s));
    emitter.onTimeout(() -> subscribers.remove(s));
    emitter.onError(e -> subscribers.remove(s));
    try {
      // tells the client (and proxies) the stream is open before the first event
      emitter.send(SseEmitter.event().comment("motion events"));
    } catch (IOException e) {
      subscribers.remove(s);
    }
    return emitter;
  }

  int subscribers() {
    return subscribers.size();
  }

  void publish(MotionNotice notice) {
    for (Subscriber s : subscribers) {
      if (!access.permits(s.auth(), notice.cameraId(), Capability.LIVE)
          && !access.permits(s.auth(), notice.cameraId(), Capability.PLAYBACK)) {
        continue;
      }
      try {
        s.emitter().send(SseEmitter.event().name(notice.type()).id(Long.toString(notice.eventId()))
            .data(notice, MediaType.APPLICATION_JSON));
      } catch (IOException | IllegalStateException e) {
        subscribers.remove(s);
      }
    }
  }
}
