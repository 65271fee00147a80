package id.pantau.web.camera;

import id.pantau.recorder.node.CameraStatus;

/** Recording state and stream statistics of one camera. */
record StatsView(
    String cameraId,
    String stream,
    String state,
    String detail,
    long stateSinceWallMs,
    double fps,
    long bitrateBps,
    int gopFrames,
    long lastPacketAgeMs,
    long reconnects,
    long bytesRecorded,
    long segmentsClosed,
    long packetsLost) {

  static StatsView of(CameraStatus s) {
    return new StatsView(s.cameraId(), s.stream(), s.state().phase().name(), s.state().detail(),
        s.state().sinceWallMs(), s.stats().fps(), s.stats().bitrateBps(), s.stats().gopFrames(),
        s.stats().lastPacketAgeMs(), s.stats().reconnects(), s.stats().bytesRecorded(), s.stats().segmentsClosed(),
        s.stats().packetsLost());
  }

  static StatsView notRecording(String cameraId, String why) {
    return new StatsView(cameraId, "main", "NOT_RECORDING", why, 0, 0, 0, 0, -1, 0, 0, 0, 0);
  }
}
