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

  static SegmentRow withMotion(SegmentRow s) {
    return new SegmentRow(s.id(), s.cameraId(), s.runId(), s.stream(), s.startWallMs(), s.endWallMs(),
        s.mediaStart90k(), s.mediaDuration90k(), s.frameCount(), s.bytes(), s.sha256(), s.objectKey(),
        s.fragmentIndex(), true);
  }

  /** Oldest first; segments 1 (a, day 50) and 2 (b, day 60) have motion, 3 (a, day 80) and 4 (a, day 49) not. */
  static final List<SegmentRow> MOTION_SEGMENTS = List.of(seg(4, "a", 49, 100), withMotion(seg(1, "a", 50, 100)),
      withMotion(seg(2, "b", 60, 100)), seg(3, "a", 80, 100));

  static Stream<Arguments> motionCases() {
    return Stream.of(
        Arguments.of("no extra days: age as before", Map.of(), List.of(1L, 2L, 3L, 4L)),
        Arguments.of("motion kept 45 days longer on a", Map.of("a", 45), List.of(2L, 3L, 4L)),
        Arguments.of("extra days too few to save it", Map.of("a", 30), List.of(1L, 2L, 3L, 4L)),
        Arguments.of("extra days on b keep only b's motion", Map.of("b", 40), List.of(1L, 3L, 4L)),
        Arguments.of("zero extra days", Map.of("a", 0, "b", 0), List.of(1L, 2L, 3L, 4L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("motionCases")
  void keepsMotionLonger(String name, Map<String, Integer> extraDays, List<Long> expectedIds) {
    // retention 10 days: everything is older than that; segment 1 ends 50 days ago, segment 2 40 days ago
    List<Long> ids = RetentionPolicy.select(MOTION_SEGMENTS, Map.of("a", 10, "b", 10), extraDays, 365, 0L,
        List.of(), NOW).stream().map(SegmentRow::id).sorted().toList();
    assertThat(ids).isEqualTo(expectedIds);
  }

  @ParameterizedTest(name = "quota {0}")
  @MethodSource("motionCases")
  void quotaStillAppliesToMotion(String name, Map<String, Integer> extraDays, List<Long> ignored) {
    List<Long> ids = RetentionPolicy.select(MOTION_SEGMENTS, Map.of(), extraDays, 365, 100L, List.of(), NOW).stream()
        .map(SegmentRow::id).toList();
    assertThat(ids).containsExactly(4L, 1L, 2L);
  }
}
