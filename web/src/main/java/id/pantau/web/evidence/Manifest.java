package id.pantau.web.evidence;

import id.pantau.recorder.export.ExportResult;
import id.pantau.web.site.Site;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manifest of an evidence package ({@code manifest.json}, signed as it is): the case, who asked and who
 * approved, the range in UTC and in local time, and per camera its MP4 with the SHA-256 and the source segments
 * it came from with theirs. {@code files} lists every file the verifier must find with its SHA-256.
 */
final class Manifest {
  static final String FORMAT = "pantau-evidence/1";
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Manifest() {}

  /** One camera of the package; {@code fileName} is null when it recorded nothing in the range. */
  record CameraEntry(String cameraId, String name, Site site, ExportResult export, String fileName, String sha256,
      long bytes) {}

  static byte[] json(EvidenceRequest r, List<CameraEntry> cameras, String keyFingerprint,
      EvidenceStore.Protection protection, long createdMs) {
    ZoneId zone = ZoneId.of(r.timeZone());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("request", r.id());
    m.put("caseNumber", r.caseNumber());
    m.put("reason", r.reason());
    m.put("requester", r.requester());
    m.put("requestedAt", time(r.createdMs(), zone));
    Map<String, Object> approval = new LinkedHashMap<>();
    approval.put("approver", r.decidedBy());
    approval.put("note", r.decisionNote());
    approval.put("at", r.decidedMs() == null ? null : time(r.decidedMs(), zone));
    m.put("approval", approval);
    m.put("timeZone", zone.getId());
    m.put("range", ordered("from", time(r.fromMs(), zone), "to", time(r.toMs(), zone)));
    m.put("createdAt", time(createdMs, zone));
    m.put("signature", ordered("algorithm", "Ed25519", "file", "manifest.sig", "publicKeyFile", "public-key.pem",
        "publicKeySha256", keyFingerprint));
    m.put("storage", ordered("writeProtected", protection.locked(), "detail", protection.detail()));
    List<Object> exports = new ArrayList<>();
    List<Object> files = new ArrayList<>();
    for (CameraEntry c : cameras) {
      exports.add(export(c, zone));
      if (c.fileName() != null) {
        files.add(ordered("name", c.fileName(), "sha256", c.sha256(), "bytes", c.bytes()));
      }
    }
    m.put("exports", exports);
    m.put("files", files);
    return JSON.writeValueAsBytes(m);
  }

  private static Map<String, Object> export(CameraEntry c, ZoneId zone) {
    Map<String, Object> e = new LinkedHashMap<>();
    Map<String, Object> camera = ordered("id", c.cameraId(), "name", c.name());
    camera.put("site", c.site() == null ? null : ordered("id", c.site().id(), "name", c.site().name(), "timeZone",
        c.site().timeZone().getId()));
    e.put("camera", camera);
    ExportResult x = c.export();
    if (c.fileName() == null) {
      e.put("file", null);
      e.put("note", "no recording of this camera in the range");
      return e;
    }
    e.put("file", c.fileName());
    e.put("sha256", c.sha256());
    e.put("bytes", c.bytes());
    e.put("video", ordered("sampleEntry", x.sampleEntry(), "width", x.width(), "height", x.height(), "frames",
        x.frames(), "timescale", x.timescale(), "durationSeconds", x.durationSeconds(), "transcoded", false));
    e.put("start", ordered("mode", "edit-list",
        "explanation", "the file begins at the keyframe at or before the requested start; its edit list starts"
            + " playback at the requested start (pre-roll frames are decoded but not shown)",
        "firstKeyframe", time(x.firstFrameWallMs(), zone), "presentationStart", time(x.presentationStartWallMs(), zone),
        "preRollSeconds", x.preRollSeconds()));
    e.put("end", time(x.endWallMs(), zone));
    List<Object> breaks = new ArrayList<>();
    for (ExportResult.Discontinuity d : x.discontinuities()) {
      breaks.add(ordered("lastFrameEnds", time(d.lastWallMs(), zone), "nextFrameStarts", time(d.nextWallMs(), zone),
          "gapSeconds", d.gapMs() / 1000.0, "atExportSeconds", d.exportSeconds(), "newRun", d.newRun()));
    }
    e.put("discontinuities", breaks);
    e.put("discontinuityNote", "timestamps in the file run on without a jump; each discontinuity is a stretch of"
        + " wall time with no recording, closed up in the file at atExportSeconds");
    List<Object> sources = new ArrayList<>();
    for (ExportResult.SourceSegment s : x.sources()) {
      sources.add(ordered("objectKey", s.objectKey(), "sha256", s.sha256(), "bytes", s.bytes(), "start",
          Instant.ofEpochMilli(s.startWallMs()).toString(), "end", Instant.ofEpochMilli(s.endWallMs()).toString(),
          "framesUsed", s.framesUsed(), "verifiedAgainstIndex", true));
    }
    e.put("sourceSegments", sources);
    return e;
  }

  static Map<String, Object> time(long epochMs, ZoneId zone) {
    Instant t = Instant.ofEpochMilli(epochMs);
    return ordered("utc", t.toString(), "local", LOCAL.format(t.atZone(zone)));
  }

  private static Map<String, Object> ordered(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }
}
