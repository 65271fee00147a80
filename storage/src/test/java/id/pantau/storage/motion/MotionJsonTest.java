package id.pantau.storage.motion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MotionJsonTest {

    @Test
    void zonesRoundTrip() {
        List<Zone> zones = List.of(Zone.include(0, 0, 1, 0, 1, 1), Zone.exclude(0.125, 0.5, 0.25, 0.75, 0.3333, 0.9));
        String json = MotionJson.zones(zones);
        assertThat(json).isEqualTo("[{\"kind\":\"include\",\"points\":[[0,0],[1,0],[1,1]]},"
                + "{\"kind\":\"exclude\",\"points\":[[0.125,0.5],[0.25,0.75],[0.3333,0.9]]}]");
        assertThat(MotionJson.parseZones(json)).isEqualTo(zones);
        assertThat(MotionJson.parseZones(" [ ] ")).isEmpty();
    }

    @Test
    void boxesRoundTrip() {
        List<Box> boxes = List.of(new Box(0.1, 0.2, 0.05, 0.4), new Box(0, 0, 1, 1));
        assertThat(MotionJson.parseBoxes(MotionJson.boxes(boxes))).isEqualTo(boxes);
        assertThat(MotionJson.boxes(List.of())).isEqualTo("[]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[", "[{\"kind\":\"sideways\",\"points\":[]}]", "[{\"colour\":\"red\"}]",
        "[[1,2,3]]", "[] x"})
    void malformedTextIsRefused(String text) {
        assertThatThrownBy(() -> {
            MotionJson.parseZones(text);
            MotionJson.parseBoxes(text);
        }).isInstanceOf(IllegalArgumentException.class);
    }
}
