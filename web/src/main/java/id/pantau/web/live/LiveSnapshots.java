package id.pantau.web.live;

import id.pantau.recorder.live.FeedKey;
import id.pantau.recorder.live.Keyframe;
import id.pantau.recorder.live.KeyframeJpeg;
import id.pantau.recorder.live.LiveEvent;
import id.pantau.recorder.live.LiveHub;
import id.pantau.recorder.live.LiveSubscription;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * JPEG snapshots of a feed's latest keyframe: decoded once per keyframe however many viewers refresh. A feed nobody
 * watches is joined for as long as its first keyframe takes, and the hub's linger keeps the camera session for the
 * next refresh.
 */
@Component
class LiveSnapshots {
  private final LiveHub hub;
  private final LiveProperties props;
  private final Map<FeedKey, Snapshot> latest = new ConcurrentHashMap<>();

  private record Snapshot(Keyframe keyframe, int maxWidth, byte[] jpeg) {}

  LiveSnapshots(LiveHub hub, LiveProperties props) {
    this.hub = hub;
    this.props = props;
  }

  /** The JPEG, or empty when the camera sent no keyframe within the snapshot timeout. */
  Optional<byte[]> jpeg(FeedKey key, int maxWidth) throws InterruptedException {
    Optional<Keyframe> keyframe = hub.latestKeyframe(key);
    if (keyframe.isEmpty()) {
      keyframe = awaitKeyframe(key);
    }
    if (keyframe.isEmpty()) {
      return Optional.empty();
    }
    Keyframe k = keyframe.get();
    Snapshot s = latest.compute(key, (x, old) -> old != null && old.keyframe() == k && old.maxWidth() == maxWidth
        ? old : new Snapshot(k, maxWidth, KeyframeJpeg.encode(k, maxWidth)));
    return Optional.of(s.jpeg());
  }

  private Optional<Keyframe> awaitKeyframe(FeedKey key) throws InterruptedException {
    long deadline = System.nanoTime() + props.snapshotTimeout().toNanos();
    try (LiveSubscription s = hub.subscribe(key, 1, null)) {
      long leftMs;
      while ((leftMs = (deadline - System.nanoTime()) / 1_000_000) > 0) {
        if (s.poll(leftMs) instanceof LiveEvent.Frame) {
          return hub.latestKeyframe(key);
        }
      }
    }
    return Optional.empty();
  }
}
