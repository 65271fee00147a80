package id.pantau.web.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

/**
 * Writes audit rows as RFC 4180 CSV with UTC ISO-8601 times. Cells that a spreadsheet would run as a formula
 * (starting with = + - @) get a leading apostrophe.
 */
final class AuditCsv {
  static final String HEADER = "seq,time_utc,actor,action,camera,from_utc,to_utc,reason,source_address,details,"
      + "prev_hash,hash";

  private final Writer out;

  AuditCsv(Writer out) {
    this.out = out;
  }

  void header() {
    line(HEADER);
  }

  void row(AuditRecord r) {
    line(String.join(",", Long.toString(r.seq()), time(r.atWallMs()), cell(r.actor()), r.action().name(),
        cell(r.cameraId()), r.fromMs() == null ? "" : time(r.fromMs()), r.toMs() == null ? "" : time(r.toMs()),
        cell(r.reason()), cell(r.sourceAddress()), cell(r.details()), r.prevHash(), r.hash()));
  }

  static String cell(String v) {
    if (v == null || v.isEmpty()) {
      return "";
    }
    String s = "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      s = '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  private static String time(long ms) {
    return Instant.ofEpochMilli(ms).toString();
  }

  private void line(String s) {
    try {
      out.write(s);
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
