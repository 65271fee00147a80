package id.pantau.recorder.health.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Camera verdicts by table: one row per situation a NOC meets. */
class CameraHealthTest {
    static final CameraThresholds T = new CameraThresholds(3_000, 0.8, 3, 15_000);

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
        // case, enabled, link, stream (recording/starting/phaseAge/lastPacketAge/fps/kbps/reconnects or null), probe, expected
        "healthy stream,                   true,  UP,       R/0/0/40/25/2000/0,     null,  ONLINE",
        "link down and camera dark,        true,  DOWN,     C/0/9000/9000/0/0/1,    null,  LINK_DOWN",
        "link down and camera still there, true,  DOWN,     R/0/0/40/25/2000/0,     null,  LINK_DOWN",
        "dead camera behind a healthy link,true,  UP,       C/0/9000/9000/0/0/1,    null,  CAMERA_FAULT",
        "dead camera with link unknown,        true,  null,     C/0/9000/9000/0/0/1,    null,  CAMERA_FAULT",
        "stalled but connected,            true,  UP,       R/0/0/4000/0/0/0,       null,  CAMERA_FAULT",
        "disabled while its link is down,  false, DOWN,     null,                   null,  DISABLED",
        "disabled,                         false, UP,       R/0/0/40/25/2000/0,     null,  DISABLED",
        "low frame rate,                   true,  UP,       R/0/0/40/12/2000/0,     null,  DEGRADED",
        "just above the frame rate floor,  true,  UP,       R/0/0/40/20/2000/0,     null,  ONLINE",
        "low bitrate,                      true,  UP,       R/0/0/40/25/100/0,      null,  DEGRADED",
        "keeps reconnecting,               true,  UP,       R/0/0/40/25/2000/4,     null,  DEGRADED",
        "degraded link but video flows,    true,  DEGRADED, R/0/0/40/25/2000/0,     null,  ONLINE",
        "still starting,                   true,  UP,       C/1/2000/-1/0/0/0,      null,  null",
        "starting for too long,            true,  UP,       C/1/20000/-1/0/0/0,     null,  CAMERA_FAULT",
        "other node's camera answers,      true,  UP,       null,                   true,  ONLINE",
        "other node's camera silent,       true,  UP,       null,                   false, CAMERA_FAULT",
        "other node camera behind a down link,   true,  DOWN,     null,                   false, LINK_DOWN",
        "nothing known,                    true,  UP,       null,                   null,  null",
    })
    void decides(String name, boolean enabled, String link, String stream, Boolean probe, String expected) {
        CameraInputs in = new CameraInputs(enabled, link == null ? null : LinkHealthState.valueOf(link),
                stream(stream), probe, 25, 500_000);
        Verdict<CameraHealthState> v = CameraHealth.decide(in, T);
        assertThat(v == null ? null : v.state().name()).as(name).isEqualTo(expected);
    }

    static StreamSample stream(String s) {
        if (s == null) {
            return null;
        }
        String[] f = s.split("/");
        return new StreamSample(f[0].equals("R"), f[1].equals("1"), Long.parseLong(f[2]), "unreachable: refused",
                Double.parseDouble(f[4]), Long.parseLong(f[5]) * 1000, Long.parseLong(f[3]), Long.parseLong(f[6]));
    }
}
