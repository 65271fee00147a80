package id.pantau.web.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for administrators: filtered listing, CSV export and chain verification. */
@RestController
@RequestMapping("/api/audit")
class AuditApiController {
  private final AuditTrail audit;

  AuditApiController(AuditTrail audit) {
    this.audit = audit;
  }

  /** Newest first. Times are UTC epoch milliseconds. */
  @GetMapping
  List<AuditRecord> list(@RequestParam(required = false) String actor,
      @RequestParam(required = false) AuditAction action, @RequestParam(required = false) String camera,
      @RequestParam(required = false) Long fromMs, @RequestParam(required = false) Long toMs,
      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
    return audit.find(new AuditFilter(actor, action, camera, fromMs, toMs), Math.max(0, offset),
        Math.min(Math.max(1, limit), 1000));
  }

  /** Walks the hash chain; {@code intact=false} names the first broken row. */
  @GetMapping("/verify")
  AuditVerification verify(Authentication auth, HttpServletRequest request) {
    AuditVerification v = audit.verify();
    audit.record(AuditContext.of(auth, request).event(AuditAction.AUDIT_VERIFIED).details(v.summary()).build());
    return v;
  }

  /** The matching rows as CSV, oldest first; the export itself is audited. */
  @GetMapping(value = "/export", produces = "text/csv")
  void export(@RequestParam(required = false) String actor, @RequestParam(required = false) AuditAction action,
      @RequestParam(required = false) String camera, @RequestParam(required = false) Long fromMs,
      @RequestParam(required = false) Long toMs, Authentication auth, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    AuditFilter f = new AuditFilter(actor, action, camera, fromMs, toMs);
    audit.record(AuditContext.of(auth, request).event(AuditAction.AUDIT_EXPORTED).details("filter=" + f).build());
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"pantau-audit.csv\"");
    Writer w = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    AuditCsv csv = new AuditCsv(w);
    csv.header();
    audit.forEach(f, csv::row);
    w.flush();
  }
}
