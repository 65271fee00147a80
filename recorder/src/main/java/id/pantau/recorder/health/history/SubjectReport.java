package id.pantau.recorder.health.history;

import java.util.List;

/**
 * A camera's or link's availability as the NOC reads it: uptime over the last 24 hours, 7 and 30 days, mean time
 * to repair and the outages of the last 30 days (newest first).
 */
public record SubjectReport(SubjectKind kind, String subjectId, Uptime last24h, Uptime last7d, Uptime last30d,
                            Long mttrMs, List<Outage> outages) {
}
