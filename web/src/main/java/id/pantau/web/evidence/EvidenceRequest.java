package id.pantau.web.evidence;

import java.util.List;

/**
 * An investigator's request for evidence: cameras over a wall-time range, with a case number and reason, and
 * where it stands: the supervisor's decision, the build's progress, the stored package.
 */
public record EvidenceRequest(
    long id,
    String requester,
    List<String> cameraIds,
    long fromMs,
    long toMs,
    String timeZone,
    String caseNumber,
    String reason,
    Status status,
    long createdMs,
    String decidedBy,
    String decisionNote,
    Long decidedMs,
    int progressPermille,
    int attempts,
    String packageKey,
    String packageSha256,
    Long packageBytes,
    String objectLock,
    String failure,
    Long readyMs) {

  /** Where a request stands. APPROVED means queued for its build. */
  public enum Status {
    PENDING, REJECTED, APPROVED, BUILDING, READY, FAILED;

    /** Approved and not yet built: the build (re)starts at the next chance. */
    public boolean unfinished() {
      return this == APPROVED || this == BUILDING;
    }
  }

  public EvidenceRequest {
    cameraIds = List.copyOf(cameraIds);
  }
}
