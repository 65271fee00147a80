package id.pantau.web.audit;

/** A stored audit row: the event, its sequence number and time, and its place in the hash chain. */
public record AuditRecord(
    long seq,
    long atWallMs,
    String actor,
    AuditAction action,
    String cameraId,
    Long fromMs,
    Long toMs,
    String reason,
    String sourceAddress,
    String details,
    String prevHash,
    String hash) {}
