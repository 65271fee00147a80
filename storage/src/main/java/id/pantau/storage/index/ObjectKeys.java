package id.pantau.storage.index;

import id.pantau.storage.camera.CameraValidator;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Builds object keys on the server only, from a validated camera id and a start time, so no client input
 * ever becomes part of a key. Keys sort by time within a camera and spread over hour prefixes.
 */
public final class ObjectKeys {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH").withZone(ZoneOffset.UTC);

  private ObjectKeys() {}

  /** e.g. {@code segments/cam-1/main/2026/11/23/10/1795000000000-42.mp4}. */
  public static String segment(String cameraId, String stream, long startWallMs, long runId) {
    CameraValidator.requireId(cameraId);
    if (!stream.equals("main") && !stream.equals("sub")) {
      throw new IllegalArgumentException("stream must be main or sub: " + stream);
    }
    return "segments/" + cameraId + "/" + stream + "/" + HOUR.format(Instant.ofEpochMilli(startWallMs)) + "/"
        + startWallMs + "-" + runId + ".mp4";
  }

  /** The prefix under which all of a camera's segments live. */
  public static String segmentPrefix(String cameraId) {
    return "segments/" + CameraValidator.requireId(cameraId) + "/";
  }

  /** e.g. {@code events/cam-1/2026/11/23/1795000000000.jpg}: the snapshot of a motion event. */
  public static String motionSnapshot(String cameraId, long startWallMs) {
    return "events/" + CameraValidator.requireId(cameraId) + "/" + DAY.format(Instant.ofEpochMilli(startWallMs)) + "/"
        + startWallMs + ".jpg";
  }
}
