package id.pantau.web.playback;

import id.pantau.recorder.segment.Fragment;
import id.pantau.recorder.segment.FragmentIndexCodec;
import id.pantau.storage.index.SegmentRow;
import java.util.ArrayList;
import java.util.List;

/**
 * A segment with its decoded fragment index: where each fragment sits in wall time and in the object's bytes.
 * Fragment times are relative to the segment, whose first frame is at {@code startWallMs}.
 */
record SegmentMedia(SegmentRow row, List<Fragment> fragments) {

  /** A keyframe fragment and the fragments after it up to the next keyframe: the unit a player can start at. */
  record Group(int firstFragment, int fragmentCount, long offset, long length, long startWallMs, long duration90k) {
    long endWallMs() {
      return startWallMs + Math.round(duration90k / 90.0);
    }
  }

  SegmentMedia {
    fragments = List.copyOf(fragments);
  }

  static SegmentMedia of(SegmentRow row) {
    return new SegmentMedia(row, FragmentIndexCodec.decode(row.fragmentIndex()));
  }

  long id() {
    return row.id();
  }

  /** Bytes [0, initLength) of the object are its init section (ftyp+moov). */
  long initLength() {
    return fragments.isEmpty() ? row.bytes() : fragments.get(0).offset();
  }

  long wallStartMs(int fragment) {
    return row.startWallMs() + Math.floorDiv(fragments.get(fragment).start90k() - fragments.get(0).start90k(), 90);
  }

  long wallEndMs(int fragment) {
    return row.startWallMs() + Math.floorDiv(fragments.get(fragment).end90k() - fragments.get(0).start90k(), 90);
  }

  /** The fragment holding {@code atMs}: the last one starting at or before it (the first or last one outside). */
  int fragmentAt(long atMs) {
    int lo = 0;
    int hi = fragments.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (wallStartMs(mid) <= atMs) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** The nearest keyframe fragment at or before {@code fragment}; a segment always starts with one. */
  int keyframeAtOrBefore(int fragment) {
    int i = fragment;
    while (i > 0 && !fragments.get(i).keyframe()) {
      i--;
    }
    return i;
  }

  /** Frames per second of the stream, from the segment's frame count and media duration. */
  double fps() {
    return row.mediaDuration90k() <= 0 ? 0 : row.frameCount() * 90_000.0 / row.mediaDuration90k();
  }

  /** The segment cut into keyframe-led groups of fragments, in order. */
  List<Group> groups() {
    List<Group> groups = new ArrayList<>();
    int first = 0;
    for (int i = 1; i <= fragments.size(); i++) {
      if (i == fragments.size() || fragments.get(i).keyframe()) {
        Fragment a = fragments.get(first);
        Fragment b = fragments.get(i - 1);
        groups.add(new Group(first, i - first, a.offset(), b.endOffset() - a.offset(), wallStartMs(first),
            b.end90k() - a.start90k()));
        first = i;
      }
    }
    return groups;
  }
}
