package id.pantau.recorder.live;

import id.pantau.recorder.ingest.CameraConfig;
import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.ingest.PacketTap;
import id.pantau.recorder.ingest.StreamInfo;
import id.pantau.recorder.ingest.StreamOpener;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every live feed of this node by camera and stream. A main-stream feed of a camera this node records is fed by the
 * recorder's {@link #tap}, so watching opens no second session on the camera; any other feed is pulled from the
 * camera when its first subscriber arrives and stopped {@code linger} after the last one leaves.
 */
public final class LiveHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

    /** How to reach a feed's camera stream when it must be pulled; empty when the camera has no such stream. */
    @FunctionalInterface
    public interface Sources {
        Optional<CameraConfig> configFor(FeedKey key);
    }

    /** @param linger how long a pulled feed stays connected after its last subscriber left (a page reload) */
    public record Settings(Duration linger, LiveFeed.CacheLimits cache) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(10), LiveFeed.CacheLimits.DEFAULT);
    }

    private final StreamOpener opener;
    private final Sources sources;
    private final Settings settings;
    private final Clock clock;
    private final Map<FeedKey, Slot> slots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-linger");
        t.setDaemon(true);
        return t;
    });

    public LiveHub(StreamOpener opener, Sources sources, Settings settings, Clock clock) {
        this.opener = opener;
        this.sources = sources;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A tap for the recorder of {@code cameraId}'s main stream: from now until the tap's {@link PacketTap#stopped()},
     * the main feed is fed by it and never pulled.
     */
    public PacketTap tap(String cameraId) {
        Slot slot = slot(FeedKey.main(cameraId));
        slot.tapAttached();
        return new RecorderTap(slot);
    }

    /** Joins a feed (see {@link LiveFeed#subscribe}); starts pulling it from the camera if nobody feeds it. */
    public LiveSubscription subscribe(FeedKey key, int maxQueuedFrames, Runnable onReady) {
        return slot(key).feed.subscribe(maxQueuedFrames, onReady);
    }

    /** The latest keyframe of a feed that has one. */
    public Optional<Keyframe> latestKeyframe(FeedKey key) {
        Slot slot = slots.get(key);
        return slot == null ? Optional.empty() : slot.feed.latestKeyframe();
    }

    public Optional<FeedInfo> feed(FeedKey key) {
        Slot slot = slots.get(key);
        return slot == null ? Optional.empty() : Optional.of(slot.info());
    }

    public List<FeedInfo> feeds() {
        return slots.values().stream().map(Slot::info).sorted(Comparator.comparing(i -> i.key().toString())).toList();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (Slot slot : slots.values()) {
            slot.stopPuller();
        }
    }

    private Slot slot(FeedKey key) {
        return slots.computeIfAbsent(key, Slot::new);
    }

    /** One feed and what feeds it; every decision about its source is made under the slot's lock. */
    private final class Slot {
        final LiveFeed feed;
        private int taps;
        /** Makes the recorder that feeds this slot hand over what it holds back, once someone watches. */
        volatile Runnable recorderWake = () -> { };
        private FeedPuller puller;
        private ScheduledFuture<?> lingering;

        Slot(FeedKey key) {
            this.feed = new LiveFeed(key, clock, settings.cache(), f -> reconcile());
        }

        synchronized void tapAttached() {
            taps++;
            stopPuller();
        }

        synchronized void tapDetached() {
            taps = Math.max(0, taps - 1);
            reconcile();
        }

        synchronized FeedInfo info() {
            FeedSource source = taps > 0 ? FeedSource.RECORDER : puller != null ? FeedSource.CAMERA : FeedSource.NONE;
            return new FeedInfo(feed.key(), source, feed.status(), feed.subscriberCount(), feed.framesReceived());
        }

        synchronized void reconcile() {
            if (taps > 0) {
                if (feed.subscriberCount() > 0) {
                    recorderWake.run();
                }
                return;
            }
            if (feed.subscriberCount() > 0) {
                cancelLinger();
                if (puller == null) {
                    startPuller();
                }
            } else if (puller != null && lingering == null && !timer.isShutdown()) {
                lingering = timer.schedule(this::lingerEnded, settings.linger().toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private synchronized void lingerEnded() {
            lingering = null;
            if (feed.subscriberCount() == 0) {
                stopPuller();
            }
        }

        private void startPuller() {
            Optional<CameraConfig> config = sources.configFor(feed.key());
            if (config.isEmpty()) {
                feed.unavailable("the camera has no " + feed.key().stream().pathName() + " stream");
                return;
            }
            puller = new FeedPuller(feed, config.get(), opener).start();
        }

        synchronized void stopPuller() {
            cancelLinger();
            if (puller != null) {
                log.debug("{}: stopping the live pull", feed.key());
                puller.stop();
                puller = null;
            }
        }

        private void cancelLinger() {
            if (lingering != null) {
                lingering.cancel(false);
                lingering = null;
            }
        }
    }

    /** Feeds the main feed from a camera recorder; never lets a live-side failure reach the recorder. */
    private static final class RecorderTap implements PacketTap {
        private final Slot slot;

        RecorderTap(Slot slot) {
            this.slot = slot;
        }

        @Override
        public void connected(StreamInfo info) {
            guard(() -> slot.feed.connected(info));
        }

        @Override
        public void accessUnit(MediaPacket accessUnit) {
            guard(() -> slot.feed.accept(accessUnit));
        }

        @Override
        public void disconnected(String reason) {
            guard(() -> slot.feed.disconnected(reason, true));
        }

        @Override
        public boolean watched() {
            return slot.feed.subscriberCount() > 0;
        }

        @Override
        public void wakeWith(Runnable handOverNow) {
            slot.recorderWake = handOverNow;
        }

        @Override
        public void stopped() {
            guard(() -> {
                slot.feed.disconnected("recording stopped", false);
                slot.tapDetached();
            });
        }

        private void guard(Runnable action) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.error("{}: live fan-out failed; recording goes on", slot.feed.key(), e);
            }
        }
    }
}
