package id.pantau.recorder.motion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The decision core, table-driven: one character per 200 ms frame; x motion, . none, | stream interrupted. */
class EventTrackerTest {
    static final long FRAME_MS = 200;
    /** confirm after 400 ms, one missing frame tolerated before confirmation, end after 1 s of calm. */
    static final EventTiming TIMING = new EventTiming(400, 250, 1000, 2000, 3000);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("nothing", TIMING, "..........", List.of()),
                Arguments.of("one frame is a glitch", TIMING, "..x.......", List.of()),
                Arguments.of("two frames are still too short", TIMING, "..xx......", List.of()),
                Arguments.of("three frames span 400 ms: an event from the first", TIMING, "..xxx.......",
                        List.of("400-800")),
                Arguments.of("a one-frame dropout before confirmation is bridged", TIMING, "..x.xx......",
                        List.of("400-1000")),
                Arguments.of("a two-frame dropout before confirmation restarts", TIMING, "..x..xx.........",
                        List.of()),
                Arguments.of("calm shorter than the cooldown continues the event", TIMING, ".xxx....xx........",
                        List.of("200-1800")),
                Arguments.of("calm as long as the cooldown ends it", TIMING, ".xxx.....xxx.......",
                        List.of("200-600", "1800-2200")),
                Arguments.of("an event still going at the end of input stays open", TIMING, "..xxxxxxxx",
                        List.of("400-open")),
                Arguments.of("an interruption ends the event at its last motion", TIMING, ".xxxx|xxx......",
                        List.of("200-800", "1000-1400")),
                Arguments.of("an interruption forgets unconfirmed motion", TIMING, ".xx|x.........", List.of()),
                Arguments.of("no minimum: one frame is an event", new EventTiming(0, 0, 600, 0, 0), ".x....x.x....",
                        List.of("200-200", "1200-1600")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, EventTiming timing, String frames, List<String> expected) {
        EventTracker tracker = new EventTracker(timing);
        List<String> events = new ArrayList<>();
        String open = null;
        long t = 0;
        for (char c : frames.toCharArray()) {
            EventTracker.Change change = c == '|' ? tracker.interrupt() : tracker.frame(t, c == 'x' ? 0.01 : 0);
            if (change == EventTracker.Change.STARTED) {
                assertThat(open).isNull();
                open = String.valueOf(tracker.startMs());
            } else if (change == EventTracker.Change.ENDED) {
                events.add(open + "-" + tracker.endMs());
                assertThat(tracker.peakScore()).isEqualTo(0.01);
                open = null;
            }
            if (c != '|') {
                t += FRAME_MS;
            }
        }
        if (open != null) {
            events.add(open + "-open");
        }
        assertThat(events).isEqualTo(expected);
    }
}
