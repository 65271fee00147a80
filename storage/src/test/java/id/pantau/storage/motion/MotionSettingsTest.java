package id.pantau.storage.motion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MotionSettingsTest {
    static final Zone TRIANGLE = Zone.exclude(0, 0, 1, 0, 0, 1);

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(new MotionSettings("c", true, 0, 0.2, List.of(), 0), "sensitivity"),
                Arguments.of(new MotionSettings("c", true, 101, 0.2, List.of(), 0), "sensitivity"),
                Arguments.of(new MotionSettings("c", true, 50, 0, List.of(), 0), "minAreaPercent"),
                Arguments.of(new MotionSettings("c", true, 50, Double.NaN, List.of(), 0), "minAreaPercent"),
                Arguments.of(new MotionSettings("c", true, 50, 60, List.of(), 0), "minAreaPercent"),
                Arguments.of(new MotionSettings("c", true, 50, 0.2, List.of(), -1), "keepMotionExtraDays"),
                Arguments.of(new MotionSettings("c", true, 50, 0.2, Collections.nCopies(17, TRIANGLE), 0), "zones"),
                Arguments.of(new MotionSettings("c", true, 50, 0.2, List.of(Zone.include(0, 0, 1, 1)), 0), "zones[0]"),
                Arguments.of(new MotionSettings("c", true, 50, 0.2, List.of(TRIANGLE, Zone.exclude(0, 0, 1.5, 0, 0, 1)),
                        0), "zones[1]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void refusesNamingTheField(MotionSettings settings, String field) {
        assertThatThrownBy(settings::validate).isInstanceOfSatisfying(InvalidMotionSettingsException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void defaultsAreOffAndValid() {
        MotionSettings d = MotionSettings.defaults("c").validate();
        assertThat(d.enabled()).isFalse();
        assertThat(d.zones()).isEmpty();
        assertThat(d.withEnabled(true).withZones(List.of(TRIANGLE)).validate().zones()).containsExactly(TRIANGLE);
    }
}
