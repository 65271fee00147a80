package id.pantau.recorder.node;

import id.pantau.storage.index.SegmentRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accounting of what a node indexed for each camera, for benchmarks: frames recorded against the frames a camera
 * at a nominal rate sends over the recorded wall span. A frame the camera dropped (it skips frames of a client
 * that cannot keep up) shows as a longer gap between timestamps, so it counts as lost here too.
 */
public record RecordingSummary(String cameraId, int segments, int runs, long frames, double mediaSeconds,
                               long spanMs, long expectedFrames, long lostFrames, long gapMs, long startMs,
                               long tailMs) {

  /**
   * One summary per camera, in the order given; a camera without segments expects frames over the whole
   * recording window.
   *
   * @param segments every indexed segment (any order)
   * @param startWallMs when the node started recording; a camera's start is how long after it its recording
   *     begins (frames before that are not counted as expected)
   * @param stopWallMs when the node was asked to stop; the tail is how far before it a camera's recording ends
   */
  public static List<RecordingSummary> of(List<String> cameraIds, List<SegmentRow> segments, double framesPerSecond,
      long startWallMs, long stopWallMs) {
    Map<String, List<SegmentRow>> byCamera = new LinkedHashMap<>();
    cameraIds.forEach(id -> byCamera.put(id, new ArrayList<>()));
    segments.forEach(s -> byCamera.computeIfAbsent(s.cameraId(), id -> new ArrayList<>()).add(s));
    List<RecordingSummary> summaries = new ArrayList<>();
    byCamera.forEach((id, rows) -> summaries.add(summarize(id, rows, framesPerSecond, startWallMs, stopWallMs)));
    return summaries;
  }

  private static RecordingSummary summarize(String cameraId, List<SegmentRow> rows, double fps, long startWallMs,
      long stopWallMs) {
    if (rows.isEmpty()) {
      long windowMs = stopWallMs - startWallMs;
      long expected = Math.round(windowMs * fps / 1000);
      return new RecordingSummary(cameraId, 0, 0, 0, 0, 0, expected, expected, windowMs, windowMs, windowMs);
    }
    rows.sort(Comparator.comparingLong(SegmentRow::startWallMs));
    long frames = 0;
    long media90k = 0;
    long gapMs = 0;
    long first = rows.get(0).startWallMs();
    long end = rows.get(0).startWallMs();
    for (SegmentRow s : rows) {
      frames += s.frameCount();
      media90k += s.mediaDuration90k();
      gapMs += Math.max(0, s.startWallMs() - end);
      end = Math.max(end, s.endWallMs());
    }
    long spanMs = end - first;
    int runs = (int) rows.stream().mapToLong(SegmentRow::runId).distinct().count();
    long expected = Math.round(spanMs * fps / 1000);
    // expected minus recorded: the span includes gaps between segments, so frames missing there count too
    return new RecordingSummary(cameraId, rows.size(), runs, frames, media90k / 90_000.0, spanMs, expected,
        Math.max(0, expected - frames), gapMs, first - startWallMs, stopWallMs - end);
  }

  /** The sum over cameras, named {@code total}; span, start and tail are the longest. */
  public static RecordingSummary total(List<RecordingSummary> cameras) {
    return new RecordingSummary("total", cameras.stream().mapToInt(RecordingSummary::segments).sum(),
        cameras.stream().mapToInt(RecordingSummary::runs).sum(),
        cameras.stream().mapToLong(RecordingSummary::frames).sum(),
        cameras.stream().mapToDouble(RecordingSummary::mediaSeconds).sum(),
        cameras.stream().mapToLong(RecordingSummary::spanMs).max().orElse(0),
        cameras.stream().mapToLong(RecordingSummary::expectedFrames).sum(),
        cameras.stream().mapToLong(RecordingSummary::lostFrames).sum(),
        cameras.stream().mapToLong(RecordingSummary::gapMs).sum(),
        cameras.stream().mapToLong(RecordingSummary::startMs).max().orElse(0),
        cameras.stream().mapToLong(RecordingSummary::tailMs).max().orElse(0));
  }

  /** {@code SUMMARY camera=... segments=... lost=...}: one line, key=value, for scripts. */
  public String line() {
    return String.format(Locale.ROOT, "SUMMARY camera=%s segments=%d runs=%d frames=%d media_s=%.2f span_s=%.2f"
        + " expected=%d lost=%d gap_ms=%d start_ms=%d tail_ms=%d", cameraId, segments, runs, frames, mediaSeconds,
        spanMs / 1000.0, expectedFrames, lostFrames, gapMs, startMs, tailMs);
  }
}
