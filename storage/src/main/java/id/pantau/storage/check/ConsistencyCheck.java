package id.pantau.storage.check;

import id.pantau.storage.index.ObjectKeys;
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
import java.util.SortedMap;
import java.util.TreeMap;

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

  /**
   * Walks the bucket one camera folder at a time (and the index one camera at a time), so memory holds one
   * camera's rows and objects, not a city's.
   */
  public Report run() {
    Set<String> garbage = new HashSet<>(index.jdbc().queryForList("select object_key from garbage", String.class));
    ObjectStore.ObjectLevel top = store.listLevel(SEGMENT_PREFIX);
    SortedMap<String, String> cameraPrefixes = new TreeMap<>();
    for (String cameraId : index.camerasWithSegments()) {
      cameraPrefixes.put(ObjectKeys.segmentPrefix(cameraId), cameraId);
    }
    for (String prefix : top.prefixes()) {
      cameraPrefixes.putIfAbsent(prefix, null); // a folder no indexed camera owns: all of it is orphaned
    }
    Tally tally = new Tally(garbage);
    tally.compare(List.of(), top.objects()); // nothing is indexed directly under segments/
    cameraPrefixes.forEach((prefix, cameraId) -> tally.compare(
        cameraId == null ? List.of() : index.segmentsOfCamera(cameraId), store.list(prefix)));
    tally.orphans.sort(null);
    return new Report(tally.rows, tally.objects, tally.missing, tally.orphans, tally.sizes, List.copyOf(garbage),
        tally.inFlight);
  }

  /** The findings so far, camera by camera. */
  private final class Tally {
    final Set<String> garbage;
    final List<String> missing = new ArrayList<>();
    final List<String> sizes = new ArrayList<>();
    final List<String> orphans = new ArrayList<>();
    final List<String> inFlight = new ArrayList<>();
    int rows;
    int objects;

    Tally(Set<String> garbage) {
      this.garbage = garbage;
    }

    void compare(List<SegmentRow> cameraRows, List<ObjectInfo> cameraObjects) {
      rows += cameraRows.size();
      objects += cameraObjects.size();
      Map<String, ObjectInfo> byKey = new HashMap<>();
      for (ObjectInfo o : cameraObjects) {
        byKey.put(o.key(), o);
      }
      for (SegmentRow r : cameraRows) {
        ObjectInfo o = byKey.remove(r.objectKey());
        if (o == null) {
          missing.add(r.objectKey());
        } else if (o.sizeBytes() != r.bytes()) {
          sizes.add(r.objectKey() + " (index " + r.bytes() + " bytes, object " + o.sizeBytes() + " bytes)");
        }
      }
      for (ObjectInfo o : byKey.values()) { // objects no row claimed
        if (!garbage.contains(o.key())) {
          boolean recent = o.lastModified() != null && o.lastModified().isAfter(inFlightAfter);
          (recent ? inFlight : orphans).add(o.key());
        }
      }
    }
  }
}
