package id.pantau.web.health;

import id.pantau.recorder.health.history.SlaReport;
import id.pantau.web.security.CameraAccess;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The NOC pages for technicians and administrators: the live dashboard (drawn by {@code /js/noc.js} from the
 * health event stream) and the monthly SLA report as a printable page.
 */
@Controller
class NocPageController {
  private final CameraAccess access;
  private final SlaReporter sla;

  NocPageController(CameraAccess access, SlaReporter sla) {
    this.access = access;
    this.sla = sla;
  }

  /** One SLA row as printed: percentages to three places, durations as h:mm:ss. */
  record PrintedRow(String id, String name, String vendor, String availability, boolean met, String downtime,
      int outages, String mttr, String extra) {}

  @GetMapping("/noc")
  String dashboard(Authentication auth) {
    visibility(auth);
    return "health/noc";
  }

  @GetMapping("/noc/sla")
  String slaPage(@RequestParam(required = false) String month, Authentication auth, Model model) {
    SlaReport r = sla.report(visibility(auth), month);
    model.addAttribute("report", r);
    model.addAttribute("target", percent(r.targetPercent()));
    model.addAttribute("linkRows", r.links().stream().map(l -> new PrintedRow(l.linkId(), l.name(), l.vendor(),
        percent(l.availabilityPercent()), l.met(), hms(l.downtimeMs()), l.outages(), hms(l.mttrMs()),
        hms(l.longestOutageMs()))).toList());
    model.addAttribute("vendorRows", r.vendors().stream().map(v -> new PrintedRow(v.vendor(), null, v.vendor(),
        percent(v.availabilityPercent()), v.linksBelowTarget() == 0, hms(v.downtimeMs()), v.outages(),
        hms(v.mttrMs()), Integer.toString(v.links()))).toList());
    model.addAttribute("previous", r.month().minusMonths(1).toString());
    model.addAttribute("next", r.month().plusMonths(1).toString());
    return "health/sla";
  }

  private HealthVisibility visibility(Authentication auth) {
    HealthVisibility v = HealthVisibility.of(access, auth);
    if (!v.any()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the NOC needs the TECHNICIAN or ADMIN role");
    }
    return v;
  }

  static String percent(Double p) {
    return p == null ? "—" : String.format(Locale.ROOT, "%.3f %%", p);
  }

  static String hms(Long ms) {
    if (ms == null) {
      return "—";
    }
    long s = ms / 1000;
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
