package id.pantau.web.audit;

/**
 * The result of walking the audit chain: intact, or the sequence number of the first row where it breaks and
 * what is wrong there.
 */
public record AuditVerification(boolean intact, long rowsChecked, Long firstBrokenSeq, String problem,
    String headHash) {

  static AuditVerification ok(long rows, String headHash) {
    return new AuditVerification(true, rows, null, null, headHash);
  }

  static AuditVerification broken(long rows, long seq, String problem) {
    return new AuditVerification(false, rows, seq, problem, null);
  }

  /** One line for logs and the command line. */
  public String summary() {
    return intact
        ? "audit trail intact: " + rowsChecked + " rows, head " + headHash
        : "audit trail BROKEN at row " + firstBrokenSeq + ": " + problem + " (" + rowsChecked + " rows checked)";
  }
}
