package id.pantau.recorder.live;

import id.pantau.recorder.ingest.InBandFormat;
import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.ingest.StreamInfo;
import id.pantau.recorder.segment.VideoFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One camera stream fanned out to its subscribers: the current format, the frames since the latest keyframe (so a
 * new subscriber starts at once, whatever the camera's GOP) and the feed's state. One producer thread calls
 * {@link #connected}, {@link #accept} and {@link #disconnected}; none of them ever waits for a subscriber.
 */
public final class LiveFeed {

    /** Bounds of the GOP cache: a camera with very long GOPs makes new subscribers wait for a keyframe instead. */
    public record CacheLimits(int maxFrames, long maxBytes) {
        public static final CacheLimits DEFAULT = new CacheLimits(600, 24L * 1024 * 1024);
    }

    private final FeedKey key;
    private final Clock clock;
    private final CacheLimits limits;
    private final Consumer<LiveFeed> subscribersChanged;
    private final List<LiveSubscription> subscribers = new CopyOnWriteArrayList<>();
    private final List<MediaPacket> gop = new ArrayList<>();
    private long gopBytes;
    private StreamInfo announced;
    private VideoFormat format;
    private boolean formatSent;
    private boolean discontinuity = true;
    private FeedStatus status;
    private long framesReceived;
    private long lastKeyframeWallMs;

    public LiveFeed(FeedKey key, Clock clock, CacheLimits limits, Consumer<LiveFeed> subscribersChanged) {
        this.key = key;
        this.clock = clock;
        this.limits = limits;
        this.subscribersChanged = subscribersChanged == null ? f -> { } : subscribersChanged;
        this.status = new FeedStatus(FeedStatus.State.IDLE, null, clock.millis());
    }

    public FeedKey key() {
        return key;
    }

    /**
     * Joins the feed. The queue starts with the current state and, when the feed has a keyframe, the format and
     * every frame since that keyframe; then live frames follow.
     */
    public LiveSubscription subscribe(int maxQueuedFrames, Runnable onReady) {
        LiveSubscription subscription = new LiveSubscription(key, maxQueuedFrames, onReady, this::leave);
        synchronized (this) {
            subscription.offer(new LiveEvent.Status(status));
            if (!gop.isEmpty()) {
                subscription.offer(new LiveEvent.Format(format, announced.frameRate()));
                for (MediaPacket frame : gop) {
                    subscription.offer(new LiveEvent.Frame(frame, false));
                }
            }
            subscribers.add(subscription);
        }
        subscribersChanged.accept(this);
        return subscription;
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    public synchronized FeedStatus status() {
        return status;
    }

    public synchronized long framesReceived() {
        return framesReceived;
    }

    /** The latest keyframe and its format, if the feed has one since it (re)connected. */
    public synchronized Optional<Keyframe> latestKeyframe() {
        return gop.isEmpty() ? Optional.empty() : Optional.of(new Keyframe(format, gop.get(0), lastKeyframeWallMs));
    }

    /** The producer opened a connection; frames before its first keyframe are dropped. */
    public synchronized void connected(StreamInfo info) {
        announced = info;
        format = info.format();
        formatSent = false;
        discontinuity = true;
        clearCache();
        if (status.state() != FeedStatus.State.RECONNECTING) {
            setStatus(FeedStatus.State.CONNECTING, null);
        }
    }

    /** The next access unit of the open connection. */
    public synchronized void accept(MediaPacket accessUnit) {
        if (announced == null) {
            return;
        }
        if (accessUnit.keyframe()) {
            VideoFormat inBand = InBandFormat.of(format, accessUnit.data());
            if (!formatSent || !inBand.equals(format)) {
                format = inBand;
                formatSent = true;
                publish(new LiveEvent.Format(format, announced.frameRate()));
            }
            clearCache();
            lastKeyframeWallMs = clock.millis();
        } else if (gop.isEmpty()) {
            return; // undecodable before the first keyframe of the connection, or after the cache overflowed
        }
        framesReceived++;
        if (gop.size() < limits.maxFrames() && gopBytes + accessUnit.data().length <= limits.maxBytes()) {
            gop.add(accessUnit);
            gopBytes += accessUnit.data().length;
        } else {
            clearCache();
        }
        if (status.state() != FeedStatus.State.LIVE) {
            setStatus(FeedStatus.State.LIVE, null);
        }
        publish(new LiveEvent.Frame(accessUnit, discontinuity));
        discontinuity = false;
    }

    /** The connection ended; the producer retries (state RECONNECTING) unless {@code retrying} is false (IDLE). */
    public void disconnected(String reason, boolean retrying) {
        ended(retrying ? FeedStatus.State.RECONNECTING : FeedStatus.State.IDLE, reason);
    }

    /** Nothing can feed it: the camera has no such stream. */
    public void unavailable(String reason) {
        ended(FeedStatus.State.UNAVAILABLE, reason);
    }

    private synchronized void ended(FeedStatus.State state, String reason) {
        announced = null;
        clearCache();
        setStatus(state, reason);
    }

    private void clearCache() {
        gop.clear();
        gopBytes = 0;
    }

    private void setStatus(FeedStatus.State state, String detail) {
        status = new FeedStatus(state, detail, clock.millis());
        publish(new LiveEvent.Status(status));
    }

    private void publish(LiveEvent event) {
        for (LiveSubscription s : subscribers) {
            s.offer(event);
        }
    }

    private void leave(LiveSubscription subscription) {
        if (subscribers.remove(subscription)) {
            subscribersChanged.accept(this);
        }
    }

    @Override
    public String toString() {
        return "LiveFeed[" + key + ", " + status + ", " + subscribers.size() + " subscribers]";
    }
}
