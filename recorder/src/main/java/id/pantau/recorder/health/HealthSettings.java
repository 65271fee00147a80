package id.pantau.recorder.health;

import id.pantau.recorder.health.alert.AlertPolicy;
import id.pantau.recorder.health.state.CameraThresholds;
import id.pantau.recorder.health.state.LinkThresholds;
import java.time.Duration;

/**
 * How often the monitor looks and what it calls a problem.
 *
 * @param evaluateInterval      how often states are decided from the latest observations
 * @param linkProbeInterval     how often each link's target is probed
 * @param probeTimeout          a probe not answered within this failed
 * @param probeWindow           how many recent probes judge loss and latency
 * @param cameraProbeInterval   how often cameras not recorded on this node are probed over RTSP
 * @param topologyRefresh       how often links and cameras are re-read (changes also refresh at once)
 * @param cameraFaultHold       a camera must be dark this long, behind a working link, to be CAMERA_FAULT
 * @param degradedHold          a camera or link must be degraded this long before it is DEGRADED
 * @param recoveryHold          a camera must deliver this long before it is ONLINE again
 * @param reconnectGrace        cameras behind a link that just came back get this long to reconnect
 * @param inferenceMinCameras   a link without probe target is DOWN when this many or more cameras, all of its
 *                              cameras, are dark at once
 * @param defaultExpectedFps    expected frame rate of cameras without their own (0: not checked)
 * @param defaultMinBitrateBps  minimum bitrate of cameras without their own (0: not checked)
 * @param reconnectWindow       reconnects within this window count against a camera
 * @param bandwidthWarnRatio    link utilisation from which the dashboard warns (0.8)
 */
public record HealthSettings(Duration evaluateInterval, Duration linkProbeInterval, Duration probeTimeout,
                             int probeWindow, Duration cameraProbeInterval, Duration topologyRefresh,
                             LinkThresholds link, CameraThresholds camera, Duration cameraFaultHold,
                             Duration degradedHold, Duration recoveryHold, Duration reconnectGrace,
                             int inferenceMinCameras, double defaultExpectedFps, long defaultMinBitrateBps,
                             Duration reconnectWindow, double bandwidthWarnRatio, AlertPolicy.Settings alerts) {

    /** Production defaults: a cut link is DOWN within about 5 s, a dead camera is CAMERA_FAULT within about 10 s. */
    public static HealthSettings defaults() {
        return new HealthSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1), 10,
                Duration.ofSeconds(10), Duration.ofSeconds(30), LinkThresholds.defaults(), CameraThresholds.defaults(),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(15), 2, 25,
                0, Duration.ofMinutes(5), 0.8, new AlertPolicy.Settings(300_000, 30));
    }
}
