package id.pantau.recorder.health.history;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/** Uptime, outages, MTTR and SLA figures from the transition history, as of the injected clock's now. */
public class HealthReports {
    public static final Duration DAY = Duration.ofHours(24);
    public static final Duration WEEK = Duration.ofDays(7);
    public static final Duration MONTH = Duration.ofDays(30);

    private final HealthHistory history;
    private final Clock clock;

    public HealthReports(HealthHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    /** A link as the SLA report names it. */
    public record LinkRef(String id, String name, String vendor) {
    }

    public List<StateSpan> spans(SubjectKind kind, String id, long fromMs, long toMs) {
        return Availability.spans(history.lastBefore(kind, id, fromMs).orElse(null),
                history.transitions(kind, id, fromMs, toMs), fromMs, toMs);
    }

    public Uptime uptime(SubjectKind kind, String id, long fromMs, long toMs) {
        return Availability.uptime(kind, spans(kind, id, fromMs, toMs));
    }

    /** Outages of one subject in the window, oldest first; the last is open if it lasts until now. */
    public List<Outage> outages(SubjectKind kind, String id, long fromMs, long toMs) {
        return outages(kind, id, fromMs, toMs, clock.millis());
    }

    // "now" is read once by the caller: a window ending now must still end now a millisecond later
    private List<Outage> outages(SubjectKind kind, String id, long fromMs, long toMs, long now) {
        long to = Math.min(toMs, now);
        List<Transition> in = history.transitions(kind, id, fromMs, to);
        List<StateSpan> spans = Availability.spans(history.lastBefore(kind, id, fromMs).orElse(null), in, fromMs, to);
        return Availability.outages(kind, id, spans, in, toMs >= now);
    }

    /** Outages of every subject of a kind in the window, newest first; {@code toMs} at or after now: until now. */
    public List<Outage> outages(SubjectKind kind, long fromMs, long toMs) {
        long now = clock.millis();
        long to = Math.min(toMs, now);
        Map<String, Transition> before = history.lastBefore(kind, fromMs);
        Map<String, List<Transition>> in = history.transitions(kind, fromMs, to);
        List<Outage> all = new ArrayList<>();
        for (String id : union(before.keySet(), in.keySet())) {
            List<Transition> t = in.getOrDefault(id, List.of());
            all.addAll(Availability.outages(kind, id, Availability.spans(before.get(id), t, fromMs, to), t,
                    toMs >= now));
        }
        all.sort(Comparator.comparingLong(Outage::startMs).reversed());
        return all;
    }

    /** Uptime over the last 24 h, 7 d and 30 d, MTTR and outages over the last 30 d. */
    public SubjectReport report(SubjectKind kind, String id) {
        long now = clock.millis();
        List<Outage> outages = new ArrayList<>(outages(kind, id, now - MONTH.toMillis(), now, now));
        OptionalLong mttr = Availability.mttrMs(outages);
        outages.sort(Comparator.comparingLong(Outage::startMs).reversed());
        return new SubjectReport(kind, id, uptime(kind, id, now - DAY.toMillis(), now),
                uptime(kind, id, now - WEEK.toMillis(), now), uptime(kind, id, now - MONTH.toMillis(), now),
                mttr.isPresent() ? mttr.getAsLong() : null, outages);
    }

    /** The month's SLA report; a month not over yet is reported up to now. */
    public SlaReport sla(YearMonth month, ZoneId zone, List<LinkRef> links, double targetPercent) {
        long from = month.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
        long to = Math.min(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli(), clock.millis());
        to = Math.max(from, to);
        List<SlaReport.LinkRow> rows = new ArrayList<>();
        Map<String, List<LinkMonth>> byVendor = new LinkedHashMap<>();
        for (LinkRef l : links) {
            List<Transition> in = history.transitions(SubjectKind.LINK, l.id(), from, to);
            List<StateSpan> spans = Availability.spans(history.lastBefore(SubjectKind.LINK, l.id(), from)
                    .orElse(null), in, from, to);
            Uptime u = Availability.uptime(SubjectKind.LINK, spans);
            List<Outage> outages = Availability.outages(SubjectKind.LINK, l.id(), spans, in, false);
            OptionalLong mttr = Availability.mttrMs(outages);
            Double pct = u.ratio() == null ? null : u.ratio() * 100;
            SlaReport.LinkRow row = new SlaReport.LinkRow(l.id(), l.name(), l.vendor(), pct, u.downMs(),
                    u.unknownMs(), outages.size(), mttr.isPresent() ? mttr.getAsLong() : null,
                    outages.stream().mapToLong(o -> o.durationMs(0)).max().orElse(0),
                    pct == null || pct >= targetPercent);
            rows.add(row);
            byVendor.computeIfAbsent(l.vendor() == null ? "" : l.vendor(), k -> new ArrayList<>())
                    .add(new LinkMonth(row, u, outages));
        }
        List<SlaReport.VendorRow> vendors = new ArrayList<>();
        byVendor.forEach((vendor, members) -> vendors.add(vendorRow(vendor, members)));
        return new SlaReport(month, zone, from, to, targetPercent, rows, vendors);
    }

    /** One link's month, before it is summed into its vendor's. */
    private record LinkMonth(SlaReport.LinkRow row, Uptime uptime, List<Outage> outages) {
    }

    private static SlaReport.VendorRow vendorRow(String vendor, List<LinkMonth> members) {
        Uptime total = Uptime.NONE;
        List<Outage> outages = new ArrayList<>();
        int below = 0;
        for (LinkMonth m : members) {
            total = total.plus(m.uptime());
            outages.addAll(m.outages());
            below += m.row().met() ? 0 : 1;
        }
        OptionalLong mttr = Availability.mttrMs(outages);
        return new SlaReport.VendorRow(vendor, members.size(), total.ratio() == null ? null : total.ratio() * 100,
                total.downMs(), outages.size(), mttr.isPresent() ? mttr.getAsLong() : null, below);
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        TreeSet<String> s = new TreeSet<>(a);
        s.addAll(b);
        return new ArrayList<>(s);
    }
}
