package id.pantau.web.site;

import java.time.ZoneId;

/** A place with cameras: an office, a junction, a school. Its time zone is how the UI shows its cameras' times. */
public record Site(String id, String name, String kind, String district, Double latitude, Double longitude,
    ZoneId timeZone) {

  public String zoneAbbreviation() {
    return SiteZones.abbreviation(timeZone);
  }
}
