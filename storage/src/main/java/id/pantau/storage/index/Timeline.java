package id.pantau.storage.index;

import java.util.ArrayList;
import java.util.List;

/** What a camera recorded in a wall-time window: its runs, segments and the gaps between them. */
public record Timeline(long fromMs, long toMs, List<RunRow> runs, List<SegmentRow> segments, List<Gap> gaps) {

  /** A stretch of the window with no recorded video. */
  public record Gap(long startWallMs, long endWallMs) {
    public long durationMs() {
      return endWallMs - startWallMs;
    }
  }

  /**
   * Builds the timeline. Segments closer than {@code toleranceMs} count as joined: segment boundaries carry
   * rounding of up to a frame, which is not a gap.
   */
  public static Timeline of(long fromMs, long toMs, List<RunRow> runs, List<SegmentRow> segments, long toleranceMs) {
    return new Timeline(fromMs, toMs, List.copyOf(runs), List.copyOf(segments),
        gaps(fromMs, toMs, segments, toleranceMs));
  }

  static List<Gap> gaps(long fromMs, long toMs, List<SegmentRow> segments, long toleranceMs) {
    List<Gap> gaps = new ArrayList<>();
    long covered = fromMs;
    for (SegmentRow s : segments) {
      if (s.startWallMs() - covered > toleranceMs) {
        gaps.add(new Gap(covered, Math.min(s.startWallMs(), toMs)));
      }
      covered = Math.max(covered, s.endWallMs());
      if (covered >= toMs) {
        break;
      }
    }
    if (toMs - covered > toleranceMs) {
      gaps.add(new Gap(covered, toMs));
    }
    return gaps;
  }
}
