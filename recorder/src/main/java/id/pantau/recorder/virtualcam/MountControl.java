package id.pantau.recorder.virtualcam;

import id.pantau.recorder.virtualcam.rtsp.Mount;

/** Fault injection for one virtual camera path, for tests of how a recorder copes with misbehaving cameras. */
public final class MountControl {

    private final Mount mount;

    MountControl(Mount mount) {
        this.mount = mount;
    }

    /** Stops sending RTP while keeping connections open: a stalled camera. */
    public void pause() {
        mount.pause();
    }

    /** Sends again, from the next keyframe due in real time (timestamps reflect the time that passed). */
    public void resume() {
        mount.resume();
    }

    /** Closes every connection that asked for this path: the camera went away. */
    public void disconnectAll() {
        mount.disconnectAll();
    }

    /** While true, requests for this path get 503 Service Unavailable: the camera is down. */
    public void setRefuseConnections(boolean refuse) {
        mount.setRefuseConnections(refuse);
    }

    /** RTP timestamps of packets sent from now on jump by {@code delta90k} ticks: a camera that lies about time. */
    public void jumpTimestamps(long delta90k) {
        mount.jumpTimestamps(delta90k);
    }

    /** Sessions (set up and not yet torn down or disconnected) on this path. */
    public int activeSessions() {
        return mount.sessionCount();
    }
}
