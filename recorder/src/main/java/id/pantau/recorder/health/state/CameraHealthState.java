package id.pantau.recorder.health.state;

/** How a camera is doing, with the cause named: the camera itself or the link it sits behind. */
public enum CameraHealthState {
    /** Video arrives at the expected rate. */
    ONLINE,
    /** Video arrives, but below the expected frame rate or bitrate, or the stream keeps reconnecting. */
    DEGRADED,
    /** No video although the link under the camera is up: the camera (or its port, power, encoder) is at fault. */
    CAMERA_FAULT,
    /** No video because the link under the camera is down: the link's crew goes out, not the camera's. */
    LINK_DOWN,
    /** Switched off by an administrator: neither up nor down. */
    DISABLED;

    /** Whether video flows (ONLINE or DEGRADED): what uptime counts as up. */
    public boolean delivers() {
        return this == ONLINE || this == DEGRADED;
    }

    /** Whether the camera is expected to deliver at all; disabled time counts neither up nor down. */
    public boolean expected() {
        return this != DISABLED;
    }
}
