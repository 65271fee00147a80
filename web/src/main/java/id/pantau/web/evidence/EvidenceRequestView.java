package id.pantau.web.evidence;

import java.time.Instant;
import java.util.List;

/** An evidence request as the API shows it, with what the caller may do with it; times are ISO-8601 UTC. */
record EvidenceRequestView(long id, String requester, List<String> cameras, String from, String to,
    String timeZone, String caseNumber, String reason, String status, String createdAt, String decidedBy,
    String decisionNote, String decidedAt, int progressPercent, String packageSha256, Long packageBytes,
    String storageProtection, String failure, String readyAt, boolean canDecide, boolean canDownload) {

  static EvidenceRequestView of(EvidenceRequest r, boolean canDecide, boolean canDownload) {
    return new EvidenceRequestView(r.id(), r.requester(), r.cameraIds(), iso(r.fromMs()), iso(r.toMs()),
        r.timeZone(), r.caseNumber(), r.reason(), r.status().name(), iso(r.createdMs()), r.decidedBy(),
        r.decisionNote(), iso(r.decidedMs()), r.progressPermille() / 10, r.packageSha256(), r.packageBytes(),
        r.objectLock(), r.failure(), iso(r.readyMs()), canDecide, canDownload);
  }

  private static String iso(Long epochMs) {
    return epochMs == null ? null : Instant.ofEpochMilli(epochMs).toString();
  }
}
