package id.pantau.recorder.health.probe;

import id.pantau.recorder.ingest.CameraConfig;
import id.pantau.recorder.ingest.CameraProbe;
import id.pantau.recorder.ingest.RtspDescribeProbe;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Whether a camera that this node does not record answers RTSP, through the recorder's own DESCRIBE probe (a
 * camera whose encoder is down still answers OPTIONS). Runs on the probe pool.
 */
public final class CameraAnswers {
    private final CameraProbe probe;
    private final Executor pool;

    public CameraAnswers(Executor pool) {
        this(new RtspDescribeProbe(), pool);
    }

    CameraAnswers(CameraProbe probe, Executor pool) {
        this.probe = probe;
        this.pool = pool;
    }

    public CompletableFuture<Boolean> answers(String cameraId, String url, long timeoutMs) {
        // the probe only reads the URL; the spool directory is never touched
        CameraConfig config = CameraConfig.builder(cameraId, "main", url, Path.of(".")).build();
        return CompletableFuture.supplyAsync(() -> probe.answers(config, timeoutMs), pool);
    }
}
