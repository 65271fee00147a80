package id.pantau.recorder.virtualcam.rtsp;

import io.netty.channel.EventLoop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Paces every playing session without a thread per session: each event loop runs one periodic tick that sends
 * whatever frames its sessions have due. Sessions stay on their connection's loop, so writes need no hand-off.
 */
public final class PlaybackScheduler {

    private final LongSupplier nanoClock;
    private final long tickMicros;
    private final Map<EventLoop, Ticker> tickers = new ConcurrentHashMap<>();

    public PlaybackScheduler(LongSupplier nanoClock, long tickMicros) {
        this.nanoClock = nanoClock;
        this.tickMicros = tickMicros;
    }

    public long nowNanos() {
        return nanoClock.getAsLong();
    }

    /** Starts or continues playback on the session's event loop; the first frame goes out at once. */
    void play(PlaybackSession session) {
        EventLoop loop = session.connection().eventLoop();
        Ticker ticker = tickers.computeIfAbsent(loop, this::startTicker);
        long now = nowNanos();
        session.play(now);
        ticker.add(session);
        session.tick(now);
    }

    void stop(PlaybackSession session) {
        Ticker ticker = tickers.get(session.connection().eventLoop());
        if (ticker != null) {
            ticker.remove(session);
        }
    }

    /** Number of sessions that the tickers pace right now. */
    public int playingSessions() {
        int total = 0;
        for (Ticker ticker : tickers.values()) {
            total += ticker.size();
        }
        return total;
    }

    public void close() {
        tickers.values().forEach(Ticker::cancel);
        tickers.clear();
    }

    private Ticker startTicker(EventLoop loop) {
        Ticker ticker = new Ticker();
        ticker.future = loop.scheduleAtFixedRate(ticker, tickMicros, tickMicros, TimeUnit.MICROSECONDS);
        return ticker;
    }

    /** The sessions of one event loop; touched only from that loop. */
    private final class Ticker implements Runnable {
        private final List<PlaybackSession> sessions = new ArrayList<>();
        private volatile int size;
        private Future<?> future;

        void add(PlaybackSession session) {
            if (!sessions.contains(session)) {
                sessions.add(session);
                size = sessions.size();
            }
        }

        void remove(PlaybackSession session) {
            sessions.remove(session);
            size = sessions.size();
        }

        int size() {
            return size;
        }

        void cancel() {
            if (future != null) {
                future.cancel(false);
            }
        }

        @Override
        public void run() {
            long now = nowNanos();
            // a write can fail and close a connection, which removes its session while we iterate
            for (PlaybackSession session : sessions.toArray(new PlaybackSession[0])) {
                session.tick(now);
            }
        }
    }
}
