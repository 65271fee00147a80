package id.pantau.web.playback;

import java.time.Instant;

/**
 * Where playback of a camera starts for a requested instant: the segment and fragment holding it (or the first
 * one recorded after it, when it falls in a gap), the keyframe fragment to start decoding at, and the byte
 * ranges of the segment object a player needs for the first frame.
 */
record SeekView(String cameraId, Instant requested, boolean afterGap, long segmentId, long runId,
    Instant segmentStart, Instant segmentEnd, Fragment fragment, Fragment startFragment, Bytes init, Bytes media,
    String mediaUri, double fps) {

  record Fragment(int index, Instant start, Instant end, boolean keyframe) {}

  record Bytes(long offset, long length) {}

  static SeekView of(String cameraId, long requestedMs, boolean afterGap, SegmentMedia m, String mediaUri) {
    int f = afterGap ? 0 : m.fragmentAt(requestedMs);
    int k = m.keyframeAtOrBefore(f);
    long mediaOffset = m.fragments().get(k).offset();
    long mediaEnd = m.fragments().get(f).endOffset();
    return new SeekView(cameraId, Instant.ofEpochMilli(requestedMs), afterGap, m.id(), m.row().runId(),
        Instant.ofEpochMilli(m.row().startWallMs()), Instant.ofEpochMilli(m.row().endWallMs()), fragment(m, f),
        fragment(m, k), new Bytes(0, m.initLength()), new Bytes(mediaOffset, mediaEnd - mediaOffset), mediaUri,
        m.fps());
  }

  private static Fragment fragment(SegmentMedia m, int i) {
    return new Fragment(i, Instant.ofEpochMilli(m.wallStartMs(i)), Instant.ofEpochMilli(m.wallEndMs(i)),
        m.fragments().get(i).keyframe());
  }
}
