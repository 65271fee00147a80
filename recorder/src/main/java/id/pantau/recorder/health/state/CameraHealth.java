package id.pantau.recorder.health.state;

import java.util.Locale;

/**
 * Decides a camera's state, naming the root cause: a dark camera behind a down link is LINK_DOWN, never
 * CAMERA_FAULT, so a cut link raises one alert rather than one per camera. Pure and tested by tables.
 */
public final class CameraHealth {

    private CameraHealth() {
    }

    /** @return the verdict, or null when nothing can be said yet (no observation, or still starting) */
    public static Verdict<CameraHealthState> decide(CameraInputs in, CameraThresholds t) {
        if (!in.enabled()) {
            return Verdict.of(CameraHealthState.DISABLED, "disabled");
        }
        if (in.link() == LinkHealthState.DOWN) {
            return Verdict.of(CameraHealthState.LINK_DOWN, "the link under the camera is down");
        }
        StreamSample s = in.stream();
        if (s == null) {
            return byProbe(in.probeAnswers());
        }
        boolean flowing = s.recording() && s.lastPacketAgeMs() >= 0 && s.lastPacketAgeMs() <= t.stallMs();
        if (!flowing) {
            if (s.starting() && s.phaseAgeMs() < t.startGraceMs()) {
                return null;
            }
            String why = s.lastPacketAgeMs() > t.stallMs() && s.recording()
                    ? "no video for " + s.lastPacketAgeMs() / 1000 + " s"
                    : s.detail() == null ? "no video" : s.detail();
            return Verdict.of(CameraHealthState.CAMERA_FAULT, why + linkNote(in.link()));
        }
        if (in.expectedFps() > 0 && s.fps() < in.expectedFps() * t.minFpsRatio()) {
            return Verdict.of(CameraHealthState.DEGRADED, String.format(Locale.ROOT, "%.1f fps of %.0f expected",
                    s.fps(), in.expectedFps()) + linkNote(in.link()));
        }
        if (in.minBitrateBps() > 0 && s.bitrateBps() < in.minBitrateBps()) {
            return Verdict.of(CameraHealthState.DEGRADED, "bitrate " + s.bitrateBps() / 1000 + " kbit/s below "
                    + in.minBitrateBps() / 1000 + linkNote(in.link()));
        }
        if (s.reconnectsInWindow() > t.maxReconnects()) {
            return Verdict.of(CameraHealthState.DEGRADED, "reconnected " + s.reconnectsInWindow() + " times recently"
                    + linkNote(in.link()));
        }
        return Verdict.of(CameraHealthState.ONLINE, String.format(Locale.ROOT, "%.1f fps, %d kbit/s", s.fps(),
                s.bitrateBps() / 1000));
    }

    private static Verdict<CameraHealthState> byProbe(Boolean answers) {
        if (answers == null) {
            return null;
        }
        return answers ? Verdict.of(CameraHealthState.ONLINE, "answers RTSP (not recorded on this node)")
                : Verdict.of(CameraHealthState.CAMERA_FAULT, "does not answer RTSP");
    }

    private static String linkNote(LinkHealthState link) {
        return link == LinkHealthState.DEGRADED ? " (the link is degraded)" : "";
    }
}
