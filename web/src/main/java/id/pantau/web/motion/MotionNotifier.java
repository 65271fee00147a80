package id.pantau.web.motion;

import id.pantau.recorder.motion.MotionFeed;
import id.pantau.storage.motion.MotionEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells operators about stored motion events: server-sent events and the webhook, both behind the per-camera rate
 * limit. The end of an event whose start was held back is held back too.
 */
class MotionNotifier implements MotionFeed {
  private final NotificationRateLimiter limiter;
  private final MotionEventStream stream;
  private final WebhookSender webhook;
  private final JsonMapper json;
  private final Set<Long> heldBack = ConcurrentHashMap.newKeySet();

  /** @param webhook null when no webhook is configured */
  MotionNotifier(NotificationRateLimiter limiter, MotionEventStream stream, WebhookSender webhook, JsonMapper json) {
    this.limiter = limiter;
    this.stream = stream;
    this.webhook = webhook;
    this.json = json;
  }

  @Override
  public void published(Change change, MotionEvent event) {
    MotionNotice notice;
    if (change == Change.STARTED) {
      NotificationRateLimiter.Decision d = limiter.offer(event.cameraId());
      if (!d.send()) {
        heldBack.add(event.id());
        return;
      }
      notice = MotionNotice.of(MotionNotice.STARTED, event, d.suppressedBefore());
    } else {
      if (heldBack.remove(event.id())) {
        return;
      }
      notice = MotionNotice.of(MotionNotice.ENDED, event, 0);
    }
    stream.publish(notice);
    if (webhook != null) {
      webhook.send(json.writeValueAsString(notice));
    }
  }
}
