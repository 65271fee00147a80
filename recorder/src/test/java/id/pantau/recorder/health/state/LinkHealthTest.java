package id.pantau.recorder.health.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Link verdicts by table: probes are written as a string, '+' answered (latency in the column), '-' failed. */
class LinkHealthTest {
    static final LinkThresholds T = new LinkThresholds(2, 2, 0.2, 250);

    static List<ProbeResult> probes(String pattern, long latencyMs) {
        List<ProbeResult> l = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            long at = 1_000L * i;
            l.add(pattern.charAt(i) == '+' ? ProbeResult.answered(latencyMs, at) : ProbeResult.failed("refused", at));
        }
        return l;
    }

    @ParameterizedTest(name = "{0} after {1} ({2} ms) -> {3}")
    @CsvSource(nullValues = "null", value = {
        // previous, probes, latency, expected
        "null,     +,          5,   UP",
        "null,     -,          5,   null",          // one failure says nothing yet
        "null,     --,         5,   DOWN",
        "UP,       ++++++++-,  5,   UP",            // one miss in nine: under 20 % loss
        "UP,       ++++++++--, 5,   DOWN",          // two in a row: down
        "UP,       +-+-+-+-+,  5,   DEGRADED",      // flapping never reaches two in a row but loses 44 %
        "UP,       +++++,      300, DEGRADED",      // answers, but slowly
        "UP,       +++++,      249, UP",
        "DOWN,     ---+,       5,   DOWN",          // one answer after an outage is not a repair
        "DOWN,     ---++,      5,   UP",            // two are; the outage's failures are not counted as loss
        "DOWN,     ---++,      300, DEGRADED",      // repaired, but slow
        "DEGRADED, ++-++--++,  5,   UP",            // the outage inside the window is not loss either
        "UP,       '',         5,   UP",            // nothing new: stays
    })
    void decides(String previous, String pattern, long latencyMs, String expected) {
        LinkHealthState prev = previous == null ? null : LinkHealthState.valueOf(previous);
        Verdict<LinkHealthState> v = LinkHealth.decide(prev, probes(pattern, latencyMs), T);
        assertThat(v == null ? null : v.state().name()).isEqualTo(expected);
    }

    @Test
    void anOutageIsDatedFromItsFirstFailedProbeAndARepairFromItsFirstAnswer() {
        Verdict<LinkHealthState> down = LinkHealth.decide(LinkHealthState.UP, probes("+++---", 5), T);
        assertThat(down.state()).isEqualTo(LinkHealthState.DOWN);
        assertThat(down.sinceWallMs()).isEqualTo(3_000);
        assertThat(down.reason()).isEqualTo("3 probes failed: refused");
        Verdict<LinkHealthState> up = LinkHealth.decide(LinkHealthState.DOWN, probes("---+++", 5), T);
        assertThat(up.state()).isEqualTo(LinkHealthState.UP);
        assertThat(up.sinceWallMs()).isEqualTo(3_000);
    }

    @ParameterizedTest(name = "{0} cameras, {1} dark -> {2}")
    @CsvSource(nullValues = "null", value = {
        "0, 0, null",
        "1, 1, null",      // one dark camera may be the camera itself
        "3, 3, DOWN",
        "3, 2, UP",
        "1, 0, UP",
    })
    void infersALinkWithoutProbeFromItsCameras(int observed, int dark, String expected) {
        Verdict<LinkHealthState> v = LinkHealth.inferFromCameras(observed, dark, 2);
        assertThat(v == null ? null : v.state().name()).isEqualTo(expected);
    }
}
