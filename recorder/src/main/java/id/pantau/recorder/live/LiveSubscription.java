package id.pantau.recorder.live;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * One consumer's view of a feed: a bounded queue the feed fills without ever waiting. When the consumer falls
 * {@code maxQueuedFrames} behind, the queued frames are dropped and the queue skips ahead to the next keyframe, so a
 * slow consumer sees a jump instead of a growing delay, and never slows the camera's reader or other consumers.
 *
 * <p>Consumers either react to {@code onReady} (called, on the feed's thread, when the queue goes from empty to
 * non-empty; it must not block) and then {@link #poll()} until it returns null, or block in {@link #poll(long)}.
 */
public final class LiveSubscription implements AutoCloseable {

    private final FeedKey key;
    private final int maxQueuedFrames;
    private final Runnable onReady;
    private final Consumer<LiveSubscription> onClose;
    private final ArrayDeque<LiveEvent> queue = new ArrayDeque<>();
    private int queuedFrames;
    private boolean awaitingKeyframe = true;
    private boolean closed;
    private long framesDelivered;
    private long framesDropped;
    private long skips;

    LiveSubscription(FeedKey key, int maxQueuedFrames, Runnable onReady, Consumer<LiveSubscription> onClose) {
        if (maxQueuedFrames < 1) {
            throw new IllegalArgumentException("maxQueuedFrames must be positive: " + maxQueuedFrames);
        }
        this.key = key;
        this.maxQueuedFrames = maxQueuedFrames;
        this.onReady = onReady == null ? () -> { } : onReady;
        this.onClose = onClose;
    }

    public FeedKey key() {
        return key;
    }

    /** The next event, or null when none is queued. */
    public synchronized LiveEvent poll() {
        LiveEvent next = queue.poll();
        if (next instanceof LiveEvent.Frame) {
            queuedFrames--;
            framesDelivered++;
        }
        return next;
    }

    /** The next event, waiting up to {@code timeoutMs}; null on timeout or once closed. */
    public synchronized LiveEvent poll(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (queue.isEmpty() && !closed) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                return null;
            }
            wait(leftMs);
        }
        return poll();
    }

    /** Frames handed to the consumer so far. */
    public synchronized long framesDelivered() {
        return framesDelivered;
    }

    /** Frames never handed to the consumer: dropped by skips, or waiting for a keyframe after one. */
    public synchronized long framesDropped() {
        return framesDropped;
    }

    /** How often the consumer fell behind and the queue skipped ahead to a keyframe. */
    public synchronized long skips() {
        return skips;
    }

    /** True when a {@link #poll()} would return an event. */
    public synchronized boolean hasEvents() {
        return !queue.isEmpty();
    }

    public synchronized int queuedFrames() {
        return queuedFrames;
    }

    public synchronized boolean closed() {
        return closed;
    }

    /** Leaves the feed; further polls drain what is queued, then return null. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
        }
        onClose.accept(this);
    }

    /** Called by the feed, never blocks. */
    void offer(LiveEvent event) {
        boolean wake;
        synchronized (this) {
            if (closed) {
                return;
            }
            boolean wasEmpty = queue.isEmpty();
            if (event instanceof LiveEvent.Frame frame) {
                if (!acceptFrame(frame)) {
                    return;
                }
            } else if (event instanceof LiveEvent.Status && queue.peekLast() instanceof LiveEvent.Status) {
                queue.pollLast(); // only the newest state matters
                queue.add(event);
            } else {
                queue.add(event);
            }
            wake = wasEmpty && !queue.isEmpty();
            if (wake) {
                notifyAll();
            }
        }
        if (wake) {
            onReady.run();
        }
    }

    private boolean acceptFrame(LiveEvent.Frame frame) {
        if (queuedFrames >= maxQueuedFrames) {
            skipAhead();
        }
        boolean keyframe = frame.accessUnit().keyframe();
        if (awaitingKeyframe && !keyframe) {
            framesDropped++;
            return false;
        }
        queue.add(awaitingKeyframe && !frame.discontinuity() ? new LiveEvent.Frame(frame.accessUnit(), true) : frame);
        awaitingKeyframe = false;
        queuedFrames++;
        return true;
    }

    /** Drops every queued frame (formats and states stay) and waits for the next keyframe. */
    private void skipAhead() {
        for (Iterator<LiveEvent> it = queue.iterator(); it.hasNext(); ) {
            if (it.next() instanceof LiveEvent.Frame) {
                it.remove();
                framesDropped++;
            }
        }
        queuedFrames = 0;
        awaitingKeyframe = true;
        skips++;
    }
}
