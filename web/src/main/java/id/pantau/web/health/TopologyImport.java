package id.pantau.web.health;

import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditContext;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.site.InvalidSiteException;
import id.pantau.web.site.Link;
import id.pantau.web.site.Site;
import id.pantau.web.site.SiteAdministration;
import id.pantau.web.site.SiteRepository;
import id.pantau.web.site.SiteZones;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Bulk import of sites, links and which camera sits at which site behind which link (with its expected frame
 * rate and minimum bitrate). Every row is checked first; one bad row rejects the whole sheet with every error
 * named by line and field, so a sheet is never half applied.
 */
class TopologyImport {
  static final Set<String> TYPES = Set.of("site", "link", "camera");

  /** A problem with one row: its line in the file and the field at fault (null: the row itself). */
  record RowError(int line, String field, String message) {}

  /** What an import did, or would do with {@code dryRun}. */
  record Result(int sites, int links, int cameras, boolean dryRun) {}

  /** The sheet was refused; nothing was written. */
  static final class Rejected extends RuntimeException {
    private final List<RowError> errors;

    Rejected(List<RowError> errors) {
      super(errors.size() + (errors.size() == 1 ? " row" : " rows") + " in error; nothing was imported");
      this.errors = List.copyOf(errors);
    }

    List<RowError> errors() {
      return errors;
    }
  }

  private record CameraRow(int line, Camera camera, CameraExpectations.Expectation expectation) {}

  private final SiteAdministration admin;
  private final SiteRepository sites;
  private final CameraRepository cameras;
  private final CameraExpectations expectations;
  private final AuditTrail audit;

  TopologyImport(SiteAdministration admin, SiteRepository sites, CameraRepository cameras,
      CameraExpectations expectations, AuditTrail audit) {
    this.admin = admin;
    this.sites = sites;
    this.cameras = cameras;
    this.expectations = expectations;
    this.audit = audit;
  }

  Result importRows(List<TopologyRows.Row> rows, List<RowError> parseErrors, boolean dryRun, AuditContext by) {
    if (rows.size() > TopologyRows.MAX_ROWS) {
      throw new Rejected(List.of(new RowError(1, null, "at most " + TopologyRows.MAX_ROWS + " rows per import")));
    }
    List<RowError> errors = new ArrayList<>(parseErrors);
    List<Site> newSites = new ArrayList<>();
    List<Link> newLinks = new ArrayList<>();
    List<CameraRow> cams = new ArrayList<>();
    Set<String> siteIds = new HashSet<>();
    Set<String> linkIds = new HashSet<>();
    for (TopologyRows.Row r : rows) {
      try {
        switch (r.type()) {
          case "site" -> {
            Site s = admin.validate(new Site(r.get("id"), r.get("name"), r.get("kind"), r.get("district"),
                number(r, "latitude"), number(r, "longitude"),
                r.get("timeZone") == null ? null : SiteZones.parse(r.get("timeZone"))));
            requireNew(siteIds, s.id(), r);
            newSites.add(s);
          }
          case "link" -> {
            Double capacity = number(r, "capacityMbps");
            Link l = admin.validate(new Link(r.get("id"), r.get("name"), r.get("kind"), r.get("vendor"),
                capacity == null ? null : whole(capacity, r, "capacityMbps"), r.get("probeTarget")));
            requireNew(linkIds, l.id(), r);
            newLinks.add(l);
          }
          case "camera" -> cams.add(cameraRow(r));
          default -> errors.add(new RowError(r.line(), "type", "'" + r.type() + "' is not site, link or camera"));
        }
      } catch (InvalidSiteException e) {
        errors.add(new RowError(r.line(), e.field(), e.getMessage().substring(e.field().length() + 2)));
      } catch (InvalidHealthRequest e) {
        errors.add(new RowError(r.line(), e.field(), e.getMessage().substring(e.field().length() + 2)));
      }
    }
    for (CameraRow c : cams) {
      referenced(errors, c.line(), "site", c.camera().siteId(), siteIds);
      referenced(errors, c.line(), "link", c.camera().linkId(), linkIds);
    }
    if (!errors.isEmpty()) {
      throw new Rejected(errors);
    }
    if (!dryRun) {
      newSites.forEach(s -> admin.save(s, by));
      newLinks.forEach(l -> admin.save(l, by));
      for (CameraRow c : cams) {
        cameras.save(c.camera());
        if (c.expectation() != null) {
          expectations.set(c.camera().id(), c.expectation());
        }
      }
      audit.record(by.event(AuditAction.TOPOLOGY_IMPORTED).details("sites=" + newSites.size() + " links="
          + newLinks.size() + " cameras=" + cams.size()).build());
    }
    return new Result(newSites.size(), newLinks.size(), cams.size(), dryRun);
  }

  private CameraRow cameraRow(TopologyRows.Row r) {
    String id = r.get("id");
    if (id == null) {
      throw new InvalidHealthRequest("id", "a camera row names an existing camera by id");
    }
    Camera c = cameras.find(id).orElseThrow(() -> new InvalidHealthRequest("id", "no camera '" + id
        + "'; add cameras first, then assign them here"));
    Double fps = number(r, "expectedFps");
    Double kbps = number(r, "minBitrateKbps");
    CameraExpectations.Expectation e = fps == null && kbps == null ? null
        : HealthValidation.expectation(fps, kbps == null ? null : whole(kbps, r, "minBitrateKbps"));
    Camera moved = new Camera(c.id(), c.name(), r.get("site"), r.get("link"), c.mainUrl(), c.subUrl(), c.username(),
        c.password(), c.transport(), c.enabled(), c.retentionDays(), c.recorderNode());
    return new CameraRow(r.line(), moved, e);
  }

  private void referenced(List<RowError> errors, int line, String what, String id, Set<String> inSheet) {
    if (id == null || inSheet.contains(id)) {
      return;
    }
    boolean exists = what.equals("site") ? sites.siteExists(id) : sites.linkExists(id);
    if (!exists) {
      errors.add(new RowError(line, what, "no " + what + " '" + id + "' here or in the sheet"));
    }
  }

  private static void requireNew(Set<String> seen, String id, TopologyRows.Row r) {
    if (!seen.add(id)) {
      throw new InvalidHealthRequest("id", "'" + id + "' appears twice in the sheet");
    }
  }

  private static Double number(TopologyRows.Row r, String field) {
    String v = r.get(field);
    if (v == null) {
      return null;
    }
    try {
      return Double.parseDouble(v.replace(',', '.').toLowerCase(Locale.ROOT));
    } catch (NumberFormatException e) {
      throw new InvalidHealthRequest(field, "not a number: '" + v + "'");
    }
  }

  private static int whole(double v, TopologyRows.Row r, String field) {
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw new InvalidHealthRequest(field, "a whole number, not " + r.get(field));
    }
    return (int) v;
  }
}
