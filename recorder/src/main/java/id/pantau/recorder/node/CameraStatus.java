package id.pantau.recorder.node;

import id.pantau.recorder.ingest.CameraState;
import id.pantau.recorder.ingest.StreamStats;

/** What a camera's recording is doing now and how its stream looks. */
public record CameraStatus(String cameraId, String stream, CameraState state, StreamStats stats) {}
