package id.pantau.web.camera;

/** Published after cameras were added, changed or removed, so the recorder applies the change. */
public record CamerasChanged(String cameraId) {}
