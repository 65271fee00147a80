package id.pantau.web.camera;

import id.pantau.storage.index.RunRow;
import id.pantau.storage.index.SegmentRow;
import id.pantau.storage.index.Timeline;
import java.time.Instant;
import java.util.List;

/** The recordings of a camera in a window: runs, segments and gaps, with UTC ISO-8601 times. */
record TimelineView(String cameraId, Instant from, Instant to, List<Run> runs, List<Segment> segments, List<Gap> gaps,
    long recordedMs) {

  record Run(long id, Instant start, Instant end, String codec, Integer width, Integer height, String startReason) {}

  record Segment(long id, long runId, Instant start, Instant end, double mediaSeconds, int frames, long bytes,
      String sha256) {}

  record Gap(Instant start, Instant end, double seconds) {}

  static TimelineView of(String cameraId, Timeline t) {
    List<Run> runs = t.runs().stream().map(TimelineView::run).toList();
    List<Segment> segments = t.segments().stream().map(TimelineView::segment).toList();
    List<Gap> gaps = t.gaps().stream().map(g -> new Gap(Instant.ofEpochMilli(g.startWallMs()),
        Instant.ofEpochMilli(g.endWallMs()), g.durationMs() / 1000.0)).toList();
    long recorded = t.segments().stream()
        .mapToLong(s -> Math.min(s.endWallMs(), t.toMs()) - Math.max(s.startWallMs(), t.fromMs())).sum();
    return new TimelineView(cameraId, Instant.ofEpochMilli(t.fromMs()), Instant.ofEpochMilli(t.toMs()), runs,
        segments, gaps, recorded);
  }

  private static Run run(RunRow r) {
    return new Run(r.id(), Instant.ofEpochMilli(r.startWallMs()),
        r.endWallMs() == null ? null : Instant.ofEpochMilli(r.endWallMs()), r.codec(), r.width(), r.height(),
        r.startReason());
  }

  private static Segment segment(SegmentRow s) {
    return new Segment(s.id(), s.runId(), Instant.ofEpochMilli(s.startWallMs()), Instant.ofEpochMilli(s.endWallMs()),
        s.mediaDuration90k() / 90_000.0, s.frameCount(), s.bytes(), s.sha256());
  }
}
