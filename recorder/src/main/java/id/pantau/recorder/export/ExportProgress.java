package id.pantau.recorder.export;

/** Told how far an export has read its source segments; called often, from the exporting thread. */
@FunctionalInterface
public interface ExportProgress {

    ExportProgress NONE = (done, total) -> { };

    void update(long bytesRead, long bytesTotal);
}
