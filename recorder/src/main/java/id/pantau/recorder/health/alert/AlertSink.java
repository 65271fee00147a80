package id.pantau.recorder.health.alert;

/** Somewhere alerts go. {@link #deliver} throws when the alert did not arrive, so it can be retried. */
public interface AlertSink {

    /** "webhook" or "mqtt": names the status column. */
    String name();

    void deliver(Alert alert) throws Exception;
}
