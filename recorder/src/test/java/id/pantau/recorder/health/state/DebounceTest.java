package id.pantau.recorder.health.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/** Hysteresis: short blips do not change a state, sustained ones do, and dated from their start. */
class DebounceTest {
    static final ToLongFunction<CameraHealthState> HOLD = s -> switch (s) {
        case CAMERA_FAULT -> 5_000;
        case ONLINE -> 2_000;
        default -> 0;
    };

    static Verdict<CameraHealthState> v(CameraHealthState s) {
        return Verdict.of(s, s.name());
    }

    @Test
    void aFaultMustLastItsHoldTimeAndIsDatedFromItsStart() {
        Debounce<CameraHealthState> d = Debounce.confirmed(CameraHealthState.ONLINE, "ok", 0);
        d = d.step(v(CameraHealthState.CAMERA_FAULT), 10_000, HOLD);
        assertThat(d.state()).isEqualTo(CameraHealthState.ONLINE);
        d = d.step(v(CameraHealthState.CAMERA_FAULT), 14_999, HOLD);
        assertThat(d.state()).isEqualTo(CameraHealthState.ONLINE);
        d = d.step(v(CameraHealthState.CAMERA_FAULT), 15_000, HOLD);
        assertThat(d.state()).isEqualTo(CameraHealthState.CAMERA_FAULT);
        assertThat(d.sinceWallMs()).isEqualTo(10_000);
    }

    @Test
    void flappingBelowTheHoldTimeNeverChangesTheState() {
        Debounce<CameraHealthState> d = Debounce.confirmed(CameraHealthState.ONLINE, "ok", 0);
        for (long t = 1_000; t < 60_000; t += 1_000) {
            // three seconds dark, one second back, over and over
            d = d.step(v(t % 4_000 == 0 ? CameraHealthState.ONLINE : CameraHealthState.CAMERA_FAULT), t, HOLD);
            assertThat(d.state()).as("at %d ms", t).isEqualTo(CameraHealthState.ONLINE);
        }
    }

    @Test
    void aLinkOutageOverridesAPendingFaultAtOnce() {
        Debounce<CameraHealthState> d = Debounce.confirmed(CameraHealthState.ONLINE, "ok", 0);
        d = d.step(v(CameraHealthState.CAMERA_FAULT), 1_000, HOLD);
        d = d.step(v(CameraHealthState.LINK_DOWN), 3_000, HOLD);
        assertThat(d.state()).isEqualTo(CameraHealthState.LINK_DOWN);
        assertThat(d.sinceWallMs()).isEqualTo(3_000);
        assertThat(d.candidate()).isNull();
    }

    @Test
    void noObservationKeepsTheStateAndAnEvidenceTimeWins() {
        Debounce<CameraHealthState> d = Debounce.initial();
        assertThat(d.step(null, 5, HOLD)).isEqualTo(d);
        d = d.step(Verdict.since(CameraHealthState.LINK_DOWN, "cut", 1_234), 9_000, HOLD);
        assertThat(d.state()).isEqualTo(CameraHealthState.LINK_DOWN);
        assertThat(d.sinceWallMs()).isEqualTo(1_234);
        assertThat(d.changedFrom(Debounce.initial())).isTrue();
    }
}
