package id.pantau.recorder.health.alert;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores each alert (so the UI shows it at once) and delivers it to every sink on a thread of its own, retrying
 * a failed delivery a few times with growing pauses; a sink that is down never holds up the monitor.
 */
public final class AlertDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    static final long[] RETRY_DELAYS_MS = {1_000, 5_000, 30_000};

    private final AlertStore store;
    private final List<AlertSink> sinks;
    private final ScheduledExecutorService thread;
    private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();

    public AlertDispatcher(AlertStore store, List<AlertSink> sinks) {
        this.store = store;
        this.sinks = List.copyOf(sinks);
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, new DefaultThreadFactory("health-alerts",
                true));
        t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread = t;
    }

    /** Called with every stored alert, on the thread that dispatched it. */
    public void addListener(Consumer<Alert> listener) {
        listeners.add(listener);
    }

    /** Stores the alert now and queues its deliveries; returns it with its id. */
    public Alert dispatch(Alert alert) {
        Alert stored = store.insert(alert);
        log.info("health alert {}: {}", stored.id(), stored.message());
        for (Consumer<Alert> l : listeners) {
            l.accept(stored);
        }
        for (AlertSink sink : sinks) {
            thread.execute(() -> attempt(sink, stored, 0));
        }
        return stored;
    }

    private void attempt(AlertSink sink, Alert alert, int attempt) {
        try {
            sink.deliver(alert);
            store.deliveryStatus(alert.id(), sink.name(), "delivered" + (attempt > 0 ? " after " + (attempt + 1)
                    + " attempts" : ""));
        } catch (Exception e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return;
            }
            if (attempt < RETRY_DELAYS_MS.length) {
                store.deliveryStatus(alert.id(), sink.name(), "retrying: " + why);
                thread.schedule(() -> attempt(sink, alert, attempt + 1), RETRY_DELAYS_MS[attempt],
                        TimeUnit.MILLISECONDS);
            } else {
                store.deliveryStatus(alert.id(), sink.name(), "failed: " + why);
                log.warn("health alert {} not delivered to {}: {}", alert.id(), sink.name(), why);
            }
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sinks.forEach(s -> {
            if (s instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    log.debug("closing {}: {}", s.name(), e.toString());
                }
            }
        });
    }
}
