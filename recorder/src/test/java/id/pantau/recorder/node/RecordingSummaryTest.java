package id.pantau.recorder.node;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.storage.index.SegmentRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingSummaryTest {

  private static SegmentRow segment(String camera, long run, long startMs, int frames, long duration90k) {
    return new SegmentRow(0, camera, run, "main", startMs, startMs + duration90k / 90, 0, duration90k, frames, 1,
        "0".repeat(64), camera + startMs, "", false);
  }

  @Test
  void unbrokenRecordingLosesNothing() {
    List<RecordingSummary> s = RecordingSummary.of(List.of("a"),
        List.of(segment("a", 1, 61_000, 1500, 5_400_000), segment("a", 1, 1_000, 1500, 5_400_000)), 25, 0, 121_100);

    assertThat(s).singleElement().satisfies(a -> {
      assertThat(a.segments()).isEqualTo(2);
      assertThat(a.runs()).isEqualTo(1);
      assertThat(a.frames()).isEqualTo(3000);
      assertThat(a.spanMs()).isEqualTo(120_000);
      assertThat(a.expectedFrames()).isEqualTo(3000);
      assertThat(a.lostFrames()).isZero();
      assertThat(a.gapMs()).isZero();
      assertThat(a.startMs()).isEqualTo(1_000);
      assertThat(a.tailMs()).isEqualTo(100);
    });
  }

  @Test
  void framesDroppedInsideASegmentAndGapsBetweenRunsCountAsLost() {
    // 10 frames dropped by the camera stretch the media time; a 2 s reconnect gap loses 50 more
    List<RecordingSummary> s = RecordingSummary.of(List.of("a"),
        List.of(segment("a", 1, 0, 1490, 5_400_000), segment("a", 2, 62_000, 1500, 5_400_000)), 25, 0, 122_000);

    RecordingSummary a = s.get(0);
    assertThat(a.runs()).isEqualTo(2);
    assertThat(a.expectedFrames()).isEqualTo(3050);
    assertThat(a.lostFrames()).isEqualTo(60);
    assertThat(a.gapMs()).isEqualTo(2_000);
    assertThat(a.mediaSeconds()).isEqualTo(120.0);
  }

  @Test
  void aCameraThatNeverRecordedLosesTheWholeWindowAndTheTotalAddsUp() {
    List<RecordingSummary> s = RecordingSummary.of(List.of("a", "b"), List.of(segment("a", 1, 0, 1500, 5_400_000)),
        25, 0, 60_000);

    assertThat(s.get(1).lostFrames()).isEqualTo(1500);
    RecordingSummary total = RecordingSummary.total(s);
    assertThat(total.frames()).isEqualTo(1500);
    assertThat(total.expectedFrames()).isEqualTo(3000);
    assertThat(total.lostFrames()).isEqualTo(1500);
    assertThat(total.line()).startsWith("SUMMARY camera=total segments=1 runs=1 frames=1500 ")
        .contains(" lost=1500 ");
  }
}
