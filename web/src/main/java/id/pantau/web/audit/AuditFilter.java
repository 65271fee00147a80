package id.pantau.web.audit;

/** Which audit rows to list or export; null fields do not filter. Times are UTC epoch milliseconds. */
public record AuditFilter(String actor, AuditAction action, String cameraId, Long fromMs, Long toMs) {
  public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);
}
