package id.pantau.storage.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimelineTest {

  static SegmentRow seg(long start, long end) {
    return new SegmentRow(start, "c", 1, "main", start, end, 0, (end - start) * 90, 0, 0, "0".repeat(64),
        "k" + start, "", false);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no segments: one gap", List.of(), List.of(new long[] {0, 1000})),
        Arguments.of("full cover", List.of(seg(0, 600), seg(600, 1000)), List.of()),
        Arguments.of("boundary jitter within tolerance", List.of(seg(0, 590), seg(600, 1000)), List.of()),
        Arguments.of("gap in the middle", List.of(seg(0, 300), seg(700, 1000)), List.of(new long[] {300, 700})),
        Arguments.of("gap at both ends", List.of(seg(200, 800)), List.of(new long[] {0, 200}, new long[] {800, 1000})),
        Arguments.of("segment overlapping window edges", List.of(seg(-500, 1500)), List.of()),
        Arguments.of("overlapping segments", List.of(seg(0, 700), seg(100, 400), seg(650, 1000)), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gaps(String name, List<SegmentRow> segments, List<long[]> expected) {
    List<long[]> actual = new ArrayList<>();
    for (Timeline.Gap g : Timeline.gaps(0, 1000, segments, 20)) {
      actual.add(new long[] {g.startWallMs(), g.endWallMs()});
    }
    assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
  }
}
