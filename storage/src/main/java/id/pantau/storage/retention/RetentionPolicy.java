package id.pantau.storage.retention;

import id.pantau.storage.index.SegmentRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which segments to delete: those older than their camera's retention, then the oldest others until
 * the total fits the byte quota. Segments overlapping an evidence hold are never chosen. Segments with motion may
 * be kept some days longer than the rest of their camera's.
 */
public final class RetentionPolicy {
  private static final long DAY_MS = 86_400_000L;

  private RetentionPolicy() {}

  /** A camera and wall-time range that must be kept. */
  public record Hold(String cameraId, long startWallMs, long endWallMs) {
    boolean covers(SegmentRow s) {
      return cameraId.equals(s.cameraId()) && s.startWallMs() < endWallMs && s.endWallMs() > startWallMs;
    }
  }

  /**
   * @param segmentsOldestFirst every indexed segment, ordered by start time
   * @param retentionDaysByCamera retention per camera; cameras not in the map use {@code defaultRetentionDays}
   * @param quotaBytes total bytes allowed for all segments; {@code <= 0} for no quota
   * @return segments to delete, oldest first
   */
  public static List<SegmentRow> select(List<SegmentRow> segmentsOldestFirst, Map<String, Integer> retentionDaysByCamera,
      int defaultRetentionDays, long quotaBytes, List<Hold> holds, long nowMs) {
    return select(segmentsOldestFirst, retentionDaysByCamera, Map.of(), defaultRetentionDays, quotaBytes, holds, nowMs);
  }

  /**
   * As above, and a segment with motion on a camera in {@code motionExtraDaysByCamera} is kept that many days
   * beyond the camera's retention (the quota still applies to it).
   */
  public static List<SegmentRow> select(List<SegmentRow> segmentsOldestFirst, Map<String, Integer> retentionDaysByCamera,
      Map<String, Integer> motionExtraDaysByCamera, int defaultRetentionDays, long quotaBytes, List<Hold> holds,
      long nowMs) {
    List<SegmentRow> doomed = new ArrayList<>();
    Set<Long> chosen = new HashSet<>();
    long total = 0;
    for (SegmentRow s : segmentsOldestFirst) {
      total += s.bytes();
    }
    for (SegmentRow s : segmentsOldestFirst) {
      long days = retentionDaysByCamera.getOrDefault(s.cameraId(), defaultRetentionDays);
      if (s.hasMotion()) {
        days += motionExtraDaysByCamera.getOrDefault(s.cameraId(), 0);
      }
      if (s.endWallMs() < nowMs - days * DAY_MS && !held(s, holds)) {
        doomed.add(s);
        chosen.add(s.id());
        total -= s.bytes();
      }
    }
    if (quotaBytes > 0) {
      for (SegmentRow s : segmentsOldestFirst) {
        if (total <= quotaBytes) {
          break;
        }
        if (!chosen.contains(s.id()) && !held(s, holds)) {
          doomed.add(s);
          chosen.add(s.id());
          total -= s.bytes();
        }
      }
      doomed.sort((a, b) -> Long.compare(a.startWallMs(), b.startWallMs()));
    }
    return doomed;
  }

  private static boolean held(SegmentRow s, List<Hold> holds) {
    for (Hold h : holds) {
      if (h.covers(s)) {
        return true;
      }
    }
    return false;
  }
}
