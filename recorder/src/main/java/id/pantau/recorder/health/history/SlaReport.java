package id.pantau.recorder.health.history;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A month's link availability against the SLA target, per link and per vendor, as the NOC sends it to vendors.
 * Times not monitored are left out of the availability (listed as unknown).
 */
public record SlaReport(YearMonth month, ZoneId zone, long fromMs, long toMs, double targetPercent,
                        List<LinkRow> links, List<VendorRow> vendors) {

    /** One link's month. {@code availabilityPercent} is null when it was never judged. */
    public record LinkRow(String linkId, String name, String vendor, Double availabilityPercent, long downtimeMs,
                          long unknownMs, int outages, Long mttrMs, long longestOutageMs, boolean met) {
    }

    /** A vendor's links together: availability over the sum of their judged time. */
    public record VendorRow(String vendor, int links, Double availabilityPercent, long downtimeMs, int outages,
                            Long mttrMs, int linksBelowTarget) {
    }

    /** The report as CSV (RFC 4180, comma-separated, one header row per table, a blank line between them). */
    public String toCsv() {
        StringBuilder b = new StringBuilder();
        b.append("month,link,name,vendor,availability_percent,target_percent,met,downtime_s,outages,mttr_s,"
                + "longest_outage_s,unknown_s\r\n");
        for (LinkRow r : links) {
            row(b, month.toString(), r.linkId(), r.name(), r.vendor(), percent(r.availabilityPercent()),
                    percent(targetPercent), r.met() ? "yes" : "no", seconds(r.downtimeMs()), r.outages(),
                    seconds(r.mttrMs()), seconds(r.longestOutageMs()), seconds(r.unknownMs()));
        }
        b.append("\r\nmonth,vendor,links,availability_percent,target_percent,links_below_target,downtime_s,outages,"
                + "mttr_s\r\n");
        for (VendorRow v : vendors) {
            row(b, month.toString(), v.vendor(), v.links(), percent(v.availabilityPercent()), percent(targetPercent),
                    v.linksBelowTarget(), seconds(v.downtimeMs()), v.outages(), seconds(v.mttrMs()));
        }
        return b.toString();
    }

    static String percent(Double p) {
        return p == null ? "" : String.format(Locale.ROOT, "%.4f", p);
    }

    static String seconds(Long ms) {
        return ms == null ? "" : Long.toString(Math.round(ms / 1000.0));
    }

    private static void row(StringBuilder b, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(csv(cells[i] == null ? "" : cells[i].toString()));
        }
        b.append("\r\n");
    }

    /** Quotes a cell that needs it; a leading =, +, - or @ is defused so spreadsheets never run it as a formula. */
    static String csv(String s) {
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?") ? "'" + s : s;
        return v.matches(".*[\",\r\n].*") || v.startsWith("'") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
