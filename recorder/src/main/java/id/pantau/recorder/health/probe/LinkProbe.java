package id.pantau.recorder.health.probe;

import id.pantau.recorder.health.state.ProbeResult;
import java.util.concurrent.CompletableFuture;

/** Asks whether a link's far end answers; completes within the timeout and never completes exceptionally. */
public interface LinkProbe {

    CompletableFuture<ProbeResult> probe(ProbeTarget target, long timeoutMs);
}
