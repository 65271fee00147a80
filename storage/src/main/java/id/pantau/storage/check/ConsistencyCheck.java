package id.pantau.storage.check;

import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.index.SegmentRow;
import id.pantau.storage.s3.ObjectInfo;
import id.pantau.storage.s3.ObjectStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compares the index with the object store: every row must have its object and every object its row. */
public final class ConsistencyCheck {
  /** Prefix under which all segment objects live. */
  public static final String SEGMENT_PREFIX = "segments/";

  private final SegmentIndex index;
  private final ObjectStore store;
  private final Instant inFlightAfter;

  /** Checks a stopped system: every object must have its row. */
  public ConsistencyCheck(SegmentIndex index, ObjectStore store) {
    this(index, store, Instant.MAX);
  }

  /**
   * Checks a running system: objects written after {@code inFlightAfter} may not be indexed yet (the recorder
   * stores the object first, then its row), so they are reported as in flight, not as orphans.
   */
  public ConsistencyCheck(SegmentIndex index, ObjectStore store, Instant inFlightAfter) {
    this.index = index;
    this.store = store;
    this.inFlightAfter = inFlightAfter;
  }

  /** What the check found; {@link #consistent()} when nothing is missing or wrong. */
  public record Report(int rows, int objects, List<String> rowsWithoutObject, List<String> objectsWithoutRow,
      List<String> sizeMismatches, List<String> pendingGarbage, List<String> inFlight) {

    public boolean consistent() {
      return rowsWithoutObject.isEmpty() && objectsWithoutRow.isEmpty() && sizeMismatches.isEmpty();
    }

    public String summary() {
      return String.format("%d index rows, %d objects: %d rows without object, %d objects without row,"
              + " %d size mismatches, %d objects awaiting deletion, %d uploads in flight -> %s", rows, objects,
          rowsWithoutObject.size(), objectsWithoutRow.size(), sizeMismatches.size(), pendingGarbage.size(),
          inFlight.size(),
          consistent() ? "CONSISTENT" : "INCONSISTENT");
    }
  }

  public Report run() {
    Map<String, Long> objects = new HashMap<>();
    Set<String> recent = new HashSet<>();
    for (ObjectInfo o : store.list(SEGMENT_PREFIX)) {
      objects.put(o.key(), o.sizeBytes());
      if (o.lastModified() != null && o.lastModified().isAfter(inFlightAfter)) {
        recent.add(o.key());
      }
    }
    Set<String> garbage = new HashSet<>(index.jdbc().queryForList("select object_key from garbage", String.class));
    List<SegmentRow> rows = index.allSegmentsOldestFirst();
    List<String> missing = new ArrayList<>();
    List<String> sizes = new ArrayList<>();
    Set<String> rowKeys = new HashSet<>();
    for (SegmentRow r : rows) {
      rowKeys.add(r.objectKey());
      Long size = objects.get(r.objectKey());
      if (size == null) {
        missing.add(r.objectKey());
      } else if (size != r.bytes()) {
        sizes.add(r.objectKey() + " (index " + r.bytes() + " bytes, object " + size + " bytes)");
      }
    }
    List<String> orphans = new ArrayList<>();
    List<String> inFlight = new ArrayList<>();
    for (String key : objects.keySet()) {
      if (!rowKeys.contains(key) && !garbage.contains(key)) {
        (recent.contains(key) ? inFlight : orphans).add(key);
      }
    }
    orphans.sort(null);
    return new Report(rows.size(), objects.size(), missing, orphans, sizes, List.copyOf(garbage), inFlight);
  }
}
