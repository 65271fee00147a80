package id.pantau.web.site;

import id.pantau.recorder.health.probe.ProbeTarget;
import id.pantau.storage.camera.CameraNetworks;
import id.pantau.storage.camera.CameraValidator;
import id.pantau.storage.camera.InvalidCameraException;
import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditContext;
import id.pantau.web.audit.AuditTrail;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validates and stores sites and links, and audits every change. */
public class SiteAdministration {
  private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

  private final SiteRepository repo;
  private final CameraNetworks networks;
  private final AuditTrail audit;

  public SiteAdministration(SiteRepository repo, CameraNetworks networks, AuditTrail audit) {
    this.repo = repo;
    this.networks = networks;
    this.audit = audit;
  }

  /** The site as it would be stored; throws {@link InvalidSiteException} naming the first bad field. */
  public Site validate(Site s) {
    return new Site(id(s.id()), name(s.name()), kind(s.kind(), "OFFICE"), optional("district", s.district(), 100),
        range("latitude", s.latitude(), 90), range("longitude", s.longitude(), 180),
        s.timeZone() == null ? SiteZones.INDONESIA.get(0) : s.timeZone());
  }

  public Site save(Site s, AuditContext by) {
    Site v = validate(s);
    boolean existed = repo.siteExists(v.id());
    repo.save(v);
    audit.record(by.event(existed ? AuditAction.SITE_UPDATED : AuditAction.SITE_CREATED)
        .details("site=" + v.id() + " name=" + v.name() + " zone=" + v.timeZone().getId()).build());
    return v;
  }

  /** The link as it would be stored; throws {@link InvalidSiteException} naming the first bad field. */
  public Link validate(Link l) {
    if (l.capacityMbps() != null && (l.capacityMbps() < 1 || l.capacityMbps() > 1_000_000)) {
      throw new InvalidSiteException("capacityMbps", "link.capacity.invalid", "between 1 and 1000000 Mbit/s");
    }
    return new Link(id(l.id()), name(l.name()), kind(l.kind(), "FIBER"), optional("vendor", l.vendor(), 100),
        l.capacityMbps(), probeTarget(l.probeTarget()));
  }

  public Link save(Link l, AuditContext by) {
    Link v = validate(l);
    boolean existed = repo.linkExists(v.id());
    repo.save(v);
    audit.record(by.event(existed ? AuditAction.LINK_UPDATED : AuditAction.LINK_CREATED)
        .details("link=" + v.id() + " name=" + v.name() + " probe=" + v.probeTarget()).build());
    return v;
  }

  private static String id(String id) {
    try {
      return CameraValidator.requireId(id == null ? null : id.trim());
    } catch (InvalidCameraException e) {
      throw new InvalidSiteException("id", "site.id.invalid", e.getMessage().substring("id: ".length()));
    }
  }

  private static String name(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidSiteException("name", "site.name.required", "a name is required");
    }
    if (name.length() > 200) {
      throw new InvalidSiteException("name", "site.name.tooLong", "at most 200 characters");
    }
    return name.trim();
  }

  private static String kind(String kind, String fallback) {
    String k = kind == null || kind.isBlank() ? fallback : kind.trim().toUpperCase(Locale.ROOT);
    if (!KIND.matcher(k).matches()) {
      throw new InvalidSiteException("kind", "site.kind.invalid", "letters, digits and '_' only");
    }
    return k;
  }

  private static String optional(String field, String s, int max) {
    if (s == null || s.isBlank()) {
      return null;
    }
    if (s.length() > max) {
      throw new InvalidSiteException(field, "site.field.tooLong", "at most " + max + " characters");
    }
    return s.trim();
  }

  private static Double range(String field, Double v, double limit) {
    if (v != null && (v.isNaN() || v < -limit || v > limit)) {
      throw new InvalidSiteException(field, "site.coordinate.invalid", "between -" + limit + " and " + limit);
    }
    return v;
  }

  /** Deletes a site no camera names; false if there was none. */
  public boolean deleteSite(String id, AuditContext by) {
    requireUnused("site", repo.camerasAt("site_id", id));
    boolean deleted = repo.deleteSite(id);
    if (deleted) {
      audit.record(by.event(AuditAction.SITE_DELETED).details("site=" + id).build());
    }
    return deleted;
  }

  /** Deletes a link no camera sits behind; false if there was none. */
  public boolean deleteLink(String id, AuditContext by) {
    requireUnused("link", repo.camerasAt("link_id", id));
    boolean deleted = repo.deleteLink(id);
    if (deleted) {
      audit.record(by.event(AuditAction.LINK_DELETED).details("link=" + id).build());
    }
    return deleted;
  }

  private static void requireUnused(String what, int cameras) {
    if (cameras > 0) {
      throw new InvalidSiteException("id", "site.inUse", cameras + " cameras still name this " + what
          + "; move them first");
    }
  }

  /**
   * A link probe pings, connects to or asks this target ({@code 10.20.0.1}, {@code 10.20.0.1:22},
   * {@code rtsp://10.20.0.9/}, {@code snmp://10.20.0.1/12}), so its host must be inside the camera networks.
   */
  private String probeTarget(String target) {
    if (target == null || target.isBlank()) {
      return null;
    }
    String t = target.trim();
    if (t.length() > 255) {
      throw new InvalidSiteException("probeTarget", "link.probe.invalid", "at most 255 characters");
    }
    ProbeTarget parsed;
    try {
      parsed = ProbeTarget.parse(t);
    } catch (IllegalArgumentException e) {
      throw new InvalidSiteException("probeTarget", "link.probe.invalid", e.getMessage());
    }
    try {
      networks.requireInside("probeTarget", parsed.urlHost());
    } catch (InvalidCameraException e) {
      throw new InvalidSiteException("probeTarget", "link.probe.invalid",
          e.getMessage().substring("probeTarget: ".length()));
    }
    return t;
  }
}
