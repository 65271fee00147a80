package id.pantau.recorder.segment;

import java.util.UUID;

/**
 * A run as the index stores it: media time within it is continuous, wall time is taken once at its start.
 * The recorder assigns {@code runId}; segments refer to their run by it.
 */
public record RunInfo(UUID runId, String cameraId, String stream, long startWallMs, VideoCodec codec,
                      int width, int height, RunStartReason reason) {
}
