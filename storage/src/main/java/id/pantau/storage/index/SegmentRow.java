package id.pantau.storage.index;

/** One segment in the index: a keyframe-aligned fMP4 object and where its fragments start. */
public record SegmentRow(
    long id,
    String cameraId,
    long runId,
    String stream,
    long startWallMs,
    long endWallMs,
    long mediaStart90k,
    long mediaDuration90k,
    int frameCount,
    long bytes,
    String sha256,
    String objectKey,
    String fragmentIndex,
    boolean hasMotion) {

  public long wallDurationMs() {
    return endWallMs - startWallMs;
  }
}
