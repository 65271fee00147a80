package id.pantau.web.health;

import id.pantau.recorder.health.HealthMonitor;
import id.pantau.recorder.health.history.HealthReports;
import id.pantau.recorder.health.history.SlaReport;
import id.pantau.web.VmsProperties;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/** The monthly SLA report of the links a user sees, for the API (JSON, CSV) and the printable page. */
@Component
class SlaReporter {
  private final HealthMonitor monitor;
  private final HealthReports reports;
  private final HealthProperties props;
  private final Clock clock;
  private final ZoneId zone;

  SlaReporter(HealthMonitor monitor, HealthReports reports, HealthProperties props, Clock clock, VmsProperties vms) {
    this.monitor = monitor;
    this.reports = reports;
    this.props = props;
    this.clock = clock;
    // months of the SLA report begin at midnight where the NOC is
    this.zone = vms.ui().defaultTimeZone();
  }

  /** @param month {@code 2026-03}, or null for the current month */
  SlaReport report(HealthVisibility v, String month) {
    YearMonth m = HealthValidation.month(month, clock, zone);
    List<HealthReports.LinkRef> links = monitor.snapshot().links().stream().filter(v::seesLink)
        .map(l -> new HealthReports.LinkRef(l.id(), l.name(), l.vendor())).toList();
    return reports.sla(m, zone, links, props.slaTargetPercent());
  }
}
