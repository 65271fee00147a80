package id.pantau.web.live;

import id.pantau.recorder.live.Fmp4LiveEncoder;
import id.pantau.recorder.live.LiveEvent;
import id.pantau.recorder.live.LiveMessage;
import id.pantau.recorder.live.LiveSubscription;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser's live socket: takes its subscription's events, muxes them to fMP4 and sends them with asynchronous
 * writes, one at a time. While a write is pending nothing else is taken from the subscription, so a slow browser
 * lets its bounded queue fill and skip ahead to the next keyframe; no thread ever waits on its socket.
 */
final class LiveViewer {
  private static final Logger log = LoggerFactory.getLogger(LiveViewer.class);

  private final Session socket;
  private final Executor executor;
  private final Function<LiveMessage, String> describe;
  private final Fmp4LiveEncoder encoder = new Fmp4LiveEncoder();
  private final AtomicBoolean sending = new AtomicBoolean();
  private volatile LiveSubscription subscription;
  private volatile boolean closed;
  private long fragmentsSent;

  /** @param describe the text message for an init or state message (JSON) */
  LiveViewer(Session socket, Executor executor, Function<LiveMessage, String> describe) {
    this.socket = socket;
    this.executor = executor;
    this.describe = describe;
  }

  /** The subscription's ready signal: never blocks the feed's thread. */
  void ready() {
    if (!closed && sending.compareAndSet(false, true)) {
      executor.execute(this::sendNext);
    }
  }

  void attach(LiveSubscription s) {
    this.subscription = s;
    ready();
  }

  long fragmentsSent() {
    return fragmentsSent;
  }

  void close() {
    closed = true;
  }

  private void sendNext() {
    LiveSubscription s = subscription;
    LiveEvent event = closed || s == null ? null : s.poll();
    if (event == null) {
      sending.set(false);
      // an event may have arrived between the empty poll and the flag: its ready signal found us still sending
      if (!closed && s != null && s.hasEvents() && sending.compareAndSet(false, true)) {
        executor.execute(this::sendNext);
      }
      return;
    }
    try {
      LiveMessage message = encoder.encode(event);
      if (message instanceof LiveMessage.Media media) {
        fragmentsSent++;
        socket.getAsyncRemote().sendBinary(ByteBuffer.wrap(media.fragment()), this::sent);
      } else if (message instanceof LiveMessage.Init init) {
        // the description first, so the player can check the codec before the init segment arrives
        socket.getAsyncRemote().sendText(describe.apply(init), result -> {
          if (result.isOK() && !closed) {
            socket.getAsyncRemote().sendBinary(ByteBuffer.wrap(init.initSegment()), this::sent);
          } else {
            sent(result);
          }
        });
      } else if (message != null) {
        socket.getAsyncRemote().sendText(describe.apply(message), this::sent);
      } else {
        executor.execute(this::sendNext);
      }
    } catch (RuntimeException e) {
      log.debug("live socket {} failed: {}", socket.getId(), e.toString());
      closed = true;
      sending.set(false);
    }
  }

  /** Write completion, on the container's thread: hand the next send back to our executor. */
  private void sent(SendResult result) {
    if (!result.isOK()) {
      log.debug("live socket {} write failed: {}", socket.getId(), String.valueOf(result.getException()));
      closed = true;
      sending.set(false);
      return;
    }
    executor.execute(this::sendNext);
  }
}
