package id.pantau.web.ui;

import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditFilter;
import id.pantau.web.audit.AuditRecord;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.site.SiteTimes;
import id.pantau.web.site.SiteZones;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit trail page for administrators: filter, page through, export CSV, verify the chain. */
@Controller
class AuditPageController {
  private static final int PAGE = 50;

  private final AuditTrail audit;
  private final SiteTimes times;

  AuditPageController(AuditTrail audit, SiteTimes times) {
    this.audit = audit;
    this.times = times;
  }

  /** A row with its time shown in the camera's site zone (or the default zone). */
  record Row(AuditRecord record, String time, String range) {}

  @GetMapping("/audit")
  String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) AuditAction action,
      @RequestParam(required = false) String camera,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") int page, Model model) {
    ZoneId zone = times.defaultZone();
    Long fromMs = from == null ? null : from.atStartOfDay(zone).toInstant().toEpochMilli();
    Long toMs = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    AuditFilter f = new AuditFilter(actor, action, camera, fromMs, toMs);
    int p = Math.max(0, page);
    Map<String, ZoneId> zones = times.cameraZones();
    List<Row> rows = audit.find(f, p * PAGE, PAGE).stream().map(r -> new Row(r,
        times.format(r.atWallMs(), r.cameraId(), zones),
        r.fromMs() == null ? null : times.format(r.fromMs(), r.cameraId(), zones) + " – "
            + (r.toMs() == null ? "" : times.format(r.toMs(), r.cameraId(), zones)))).toList();
    long total = audit.count(f);
    model.addAttribute("rows", rows);
    model.addAttribute("actions", AuditAction.values());
    model.addAttribute("page", p);
    model.addAttribute("hasNext", (long) (p + 1) * PAGE < total);
    model.addAttribute("total", total);
    model.addAttribute("zone", SiteZones.abbreviation(zone));
    model.addAttribute("exportQuery", query(actor, action, camera, fromMs, toMs));
    return "audit/list";
  }

  private static String query(String actor, AuditAction action, String camera, Long fromMs, Long toMs) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath("/api/audit/export");
    if (actor != null && !actor.isBlank()) {
      b.queryParam("actor", actor);
    }
    if (action != null) {
      b.queryParam("action", action);
    }
    if (camera != null && !camera.isBlank()) {
      b.queryParam("camera", camera);
    }
    if (fromMs != null) {
      b.queryParam("fromMs", fromMs);
    }
    if (toMs != null) {
      b.queryParam("toMs", toMs);
    }
    return b.encode().toUriString();
  }
}
