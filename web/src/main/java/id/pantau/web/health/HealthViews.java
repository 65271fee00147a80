package id.pantau.web.health;

import id.pantau.recorder.health.HealthSnapshot;
import id.pantau.recorder.health.history.Outage;
import id.pantau.recorder.health.history.RecordingCoverage;
import id.pantau.recorder.health.history.SubjectReport;
import id.pantau.recorder.health.history.Uptime;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the health API. Times are UTC epoch milliseconds; ratios are 0..1 (null: nothing judged). */
final class HealthViews {
  private HealthViews() {}

  record UptimeView(long upMs, long downMs, long excludedMs, long unknownMs, Double ratio) {
    static UptimeView of(Uptime u) {
      return new UptimeView(u.upMs(), u.downMs(), u.excludedMs(), u.unknownMs(), u.ratio());
    }
  }

  record OutageView(String kind, String subjectId, long startMs, Long endMs, long durationMs, String cause,
      String reason) {
    static OutageView of(Outage o, long nowMs) {
      return new OutageView(o.kind().name(), o.subjectId(), o.startMs(), o.endMs(), o.durationMs(nowMs), o.cause(),
          o.reason());
    }
  }

  record ReportView(UptimeView last24h, UptimeView last7d, UptimeView last30d, Long mttrMs, List<OutageView> outages) {
    static ReportView of(SubjectReport r, long nowMs) {
      return new ReportView(UptimeView.of(r.last24h()), UptimeView.of(r.last7d()), UptimeView.of(r.last30d()),
          r.mttrMs(), r.outages().stream().map(o -> OutageView.of(o, nowMs)).toList());
    }
  }

  record CoverageView(long recordedMs, long expectedMs, Double ratio) {
    static CoverageView of(RecordingCoverage c) {
      return new CoverageView(c.recordedMs(), c.expectedMs(), c.ratio());
    }
  }

  record LinkHealthView(HealthSnapshot.LinkStatus status, ReportView report) {}

  record CameraHealthView(HealthSnapshot.CameraStatus status, ReportView report, CoverageView recordingCoverage24h,
      CameraExpectations.Expectation expectation) {}

  /** Up shares of one subject over the last 24 h, 7 d and 30 d. */
  record Ratios(Double last24h, Double last7d, Double last30d) {}

  /** The dashboard's uptime bars, by link and camera id. */
  record UptimeBars(long atWallMs, Map<String, Ratios> links, Map<String, Ratios> cameras) {}
}
