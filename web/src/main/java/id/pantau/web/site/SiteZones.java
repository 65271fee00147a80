package id.pantau.web.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Indonesia's three time zones and how the UI shows a time: in the site's zone, with the Indonesian
 * abbreviation (WIB, WITA, WIT) that Java's locale data does not provide.
 */
public final class SiteZones {
  /** The zones offered when adding a site. */
  public static final List<ZoneId> INDONESIA = List.of(ZoneId.of("Asia/Jakarta"), ZoneId.of("Asia/Pontianak"),
      ZoneId.of("Asia/Makassar"), ZoneId.of("Asia/Jayapura"));

  private static final Map<String, String> ABBREVIATIONS = Map.of(
      "Asia/Jakarta", "WIB", "Asia/Pontianak", "WIB", "Asia/Makassar", "WITA", "Asia/Jayapura", "WIT");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private SiteZones() {}

  /** WIB, WITA or WIT for Indonesian zones, else the zone's short name (e.g. UTC, GMT+08:00). */
  public static String abbreviation(ZoneId zone) {
    String a = ABBREVIATIONS.get(zone.getId());
    return a != null ? a : DateTimeFormatter.ofPattern("zzz", Locale.ROOT).format(ZonedDateTime.now(zone));
  }

  /** For example {@code 2026-03-01 14:05:09 WITA}. */
  public static String format(long epochMs, ZoneId zone) {
    return DATE_TIME.format(Instant.ofEpochMilli(epochMs).atZone(zone)) + " " + abbreviation(zone);
  }

  /** Accepts Indonesian zones and any other valid region id (a site abroad, or UTC). */
  public static ZoneId parse(String id) {
    try {
      return ZoneId.of(id);
    } catch (RuntimeException e) {
      throw new InvalidSiteException("timeZone", "site.timeZone.invalid", "unknown time zone '" + id + "'");
    }
  }
}
