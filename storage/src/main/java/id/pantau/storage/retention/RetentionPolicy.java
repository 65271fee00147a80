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
    List<SegmentRow> doomed = new ArrayList<>(expired(segmentsOldestFirst, retentionDaysByCamera,
        motionExtraDaysByCamera, defaultRetentionDays, holds, nowMs));
    Set<Long> chosen = new HashSet<>();
    long total = 0;
    for (SegmentRow s : segmentsOldestFirst) {
      total += s.bytes();
    }
    for (SegmentRow s : doomed) {
      chosen.add(s.id());
      total -= s.bytes();
    }
    List<SegmentRow> left = segmentsOldestFirst.stream().filter(s -> !chosen.contains(s.id())).toList();
    doomed.addAll(overQuota(left, total, quotaBytes, holds));
    doomed.sort((a, b) -> Long.compare(a.startWallMs(), b.startWallMs()));
    return doomed;
  }

  /**
   * The age rule alone, for any slice of the index (the job applies it page by page): segments past their
   * camera's retention, plus the motion days when they have motion, and not held.
   */
  public static List<SegmentRow> expired(List<SegmentRow> segments, Map<String, Integer> retentionDaysByCamera,
      Map<String, Integer> motionExtraDaysByCamera, int defaultRetentionDays, List<Hold> holds, long nowMs) {
    List<SegmentRow> doomed = new ArrayList<>();
    for (SegmentRow s : segments) {
      long days = retentionDaysByCamera.getOrDefault(s.cameraId(), defaultRetentionDays);
      if (s.hasMotion()) {
        days += motionExtraDaysByCamera.getOrDefault(s.cameraId(), 0);
      }
      if (s.endWallMs() < nowMs - days * DAY_MS && !held(s, holds)) {
        doomed.add(s);
      }
    }
    return doomed;
  }

  /**
   * The quota rule for the next oldest slice of what the age rule left: the oldest unheld segments until
   * {@code totalBytes} (of everything left in the index) fits {@code quotaBytes}; {@code <= 0} means no quota.
   */
  public static List<SegmentRow> overQuota(List<SegmentRow> oldestFirst, long totalBytes, long quotaBytes,
      List<Hold> holds) {
    List<SegmentRow> doomed = new ArrayList<>();
    if (quotaBytes <= 0) {
      return doomed;
    }
    long total = totalBytes;
    for (SegmentRow s : oldestFirst) {
      if (total <= quotaBytes) {
        break;
      }
      if (!held(s, holds)) {
        doomed.add(s);
        total -= s.bytes();
      }
    }
    return doomed;
  }

  /** The shortest time any segment is kept: segments that ended later than this before now are never expired. */
  public static long minimumKeepMs(Map<String, Integer> retentionDaysByCamera, int defaultRetentionDays) {
    int days = defaultRetentionDays;
    for (int d : retentionDaysByCamera.values()) {
      days = Math.min(days, d);
    }
    return days * DAY_MS;
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
