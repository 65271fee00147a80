package id.pantau.storage.retention;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.storage.index.SegmentRow;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetentionPolicyTest {
  static final long DAY = 86_400_000L;
  static final long NOW = 100 * DAY;

  static SegmentRow seg(long id, String cam, long startDay, long bytes) {
    long start = startDay * DAY;
    return new SegmentRow(id, cam, 1, "main", start, start + 60_000, 0, 60 * 90_000, 1500, bytes, "0".repeat(64),
        "k" + id, "", false);
  }

  static final List<SegmentRow> SEGMENTS = List.of(
      seg(1, "a", 50, 100), seg(2, "b", 60, 100), seg(3, "a", 80, 100), seg(4, "b", 95, 100), seg(5, "a", 99, 100));

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("nothing old, no quota", Map.of("a", 60, "b", 60), 0L, List.of(), List.of()),
        Arguments.of("age per camera", Map.of("a", 30, "b", 60), 0L, List.of(), List.of(1L)),
        Arguments.of("age for both", Map.of("a", 10, "b", 10), 0L, List.of(), List.of(1L, 2L, 3L)),
        Arguments.of("quota deletes oldest first", Map.of(), 300L, List.of(), List.of(1L, 2L)),
        Arguments.of("quota after age", Map.of("a", 30), 200L, List.of(), List.of(1L, 2L, 3L)),
        Arguments.of("hold protects from age", Map.of("a", 10, "b", 10), 0L,
            List.of(new RetentionPolicy.Hold("a", 50 * DAY, 50 * DAY + 1)), List.of(2L, 3L)),
        Arguments.of("hold protects from quota; next oldest goes instead", Map.of(), 300L,
            List.of(new RetentionPolicy.Hold("a", 0, 51 * DAY)), List.of(2L, 3L)),
        Arguments.of("hold on another camera protects nothing", Map.of("a", 10), 0L,
            List.of(new RetentionPolicy.Hold("b", 0, 100 * DAY)), List.of(1L, 3L)),
        Arguments.of("everything held, quota cannot be met", Map.of(), 100L,
            List.of(new RetentionPolicy.Hold("a", 0, NOW), new RetentionPolicy.Hold("b", 0, NOW)), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void selects(String name, Map<String, Integer> days, long quota, List<RetentionPolicy.Hold> holds,
      List<Long> expectedIds) {
    List<Long> ids = RetentionPolicy.select(SEGMENTS, days, 365, quota, holds, NOW).stream().map(SegmentRow::id)
        .toList();
    assertThat(ids).isEqualTo(expectedIds);
  }
}
