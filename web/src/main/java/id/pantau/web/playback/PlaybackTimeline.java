package id.pantau.web.playback;

import id.pantau.storage.index.SegmentRow;
import id.pantau.storage.index.Timeline;
import java.util.ArrayList;
import java.util.List;

/**
 * What a camera recorded in a window, compact for drawing a timeline: recorded spans (one per stretch of a run),
 * gaps and motion spans, as UTC epoch milliseconds. Motion comes from the segments' motion flag until the motion
 * events API supplies event ranges.
 */
record PlaybackTimeline(String cameraId, long fromMs, long toMs, List<Recorded> recorded, List<Span> gaps,
    List<Span> motion) {

  /** A stretch of one run without holes longer than the tolerance. */
  record Recorded(long startMs, long endMs, long runId, double fps) {}

  record Span(long startMs, long endMs) {}

  static PlaybackTimeline of(String cameraId, long fromMs, long toMs, List<SegmentRow> segments, long toleranceMs) {
    List<Recorded> recorded = new ArrayList<>();
    List<Span> motion = new ArrayList<>();
    for (SegmentRow s : segments) {
      long start = Math.max(s.startWallMs(), fromMs);
      long end = Math.min(s.endWallMs(), toMs);
      double fps = s.mediaDuration90k() <= 0 ? 0 : s.frameCount() * 90_000.0 / s.mediaDuration90k();
      Recorded last = recorded.isEmpty() ? null : recorded.get(recorded.size() - 1);
      if (last != null && last.runId() == s.runId() && start - last.endMs() <= toleranceMs) {
        recorded.set(recorded.size() - 1, new Recorded(last.startMs(), Math.max(end, last.endMs()), s.runId(),
            last.fps()));
      } else {
        recorded.add(new Recorded(start, end, s.runId(), Math.round(fps * 1000) / 1000.0));
      }
      if (s.hasMotion()) {
        Span m = motion.isEmpty() ? null : motion.get(motion.size() - 1);
        if (m != null && start - m.endMs() <= toleranceMs) {
          motion.set(motion.size() - 1, new Span(m.startMs(), Math.max(end, m.endMs())));
        } else {
          motion.add(new Span(start, end));
        }
      }
    }
    List<Span> gaps = Timeline.of(fromMs, toMs, List.of(), segments, toleranceMs).gaps().stream()
        .map(g -> new Span(g.startWallMs(), g.endWallMs())).toList();
    return new PlaybackTimeline(cameraId, fromMs, toMs, recorded, gaps, motion);
  }
}
