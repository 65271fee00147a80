package id.pantau.storage.index;

/** One run in the index: an unbroken stretch of media time of one camera stream. */
public record RunRow(
    long id,
    String cameraId,
    String stream,
    long startWallMs,
    Long endWallMs,
    String codec,
    Integer width,
    Integer height,
    String startReason) {}
