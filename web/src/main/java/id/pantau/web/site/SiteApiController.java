package id.pantau.web.site;

import id.pantau.web.audit.AuditContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Sites and links for scripts: any signed-in user reads them, administrators add, change and delete them. */
@RestController
@RequestMapping("/api")
class SiteApiController {
  private final SiteRepository repo;
  private final SiteAdministration admin;
  private final ApplicationEventPublisher events;

  SiteApiController(SiteRepository repo, SiteAdministration admin, ApplicationEventPublisher events) {
    this.repo = repo;
    this.admin = admin;
    this.events = events;
  }

  /** A site as sent and returned: the time zone as a region id, with its abbreviation for display. */
  record SiteBody(String id, String name, String kind, String district, Double latitude, Double longitude,
      String timeZone, String zoneAbbreviation) {
    static SiteBody of(Site s) {
      return new SiteBody(s.id(), s.name(), s.kind(), s.district(), s.latitude(), s.longitude(),
          s.timeZone().getId(), s.zoneAbbreviation());
    }
  }

  @GetMapping("/sites")
  List<SiteBody> sites() {
    return repo.sites().stream().map(SiteBody::of).toList();
  }

  @PostMapping("/sites")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('ADMIN')")
  SiteBody addSite(@RequestBody SiteBody body, Authentication auth, HttpServletRequest request) {
    Site s = new Site(body.id(), body.name(), body.kind(), body.district(), body.latitude(), body.longitude(),
        body.timeZone() == null ? null : SiteZones.parse(body.timeZone()));
    SiteBody saved = SiteBody.of(admin.save(s, AuditContext.of(auth, request)));
    events.publishEvent(new TopologyChanged("site " + saved.id()));
    return saved;
  }

  @GetMapping("/sites/{siteId}")
  SiteBody site(@PathVariable String siteId) {
    return repo.site(siteId).map(SiteBody::of).orElseThrow(() -> notFound("site", siteId));
  }

  @PutMapping("/sites/{siteId}")
  @PreAuthorize("hasRole('ADMIN')")
  SiteBody updateSite(@PathVariable String siteId, @RequestBody SiteBody body, Authentication auth,
      HttpServletRequest request) {
    requireSameId(siteId, body.id());
    repo.site(siteId).orElseThrow(() -> notFound("site", siteId));
    Site s = new Site(siteId, body.name(), body.kind(), body.district(), body.latitude(), body.longitude(),
        body.timeZone() == null ? null : SiteZones.parse(body.timeZone()));
    SiteBody saved = SiteBody.of(admin.save(s, AuditContext.of(auth, request)));
    events.publishEvent(new TopologyChanged("site " + siteId));
    return saved;
  }

  @DeleteMapping("/sites/{siteId}")
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<Void> deleteSite(@PathVariable String siteId, Authentication auth, HttpServletRequest request) {
    if (!admin.deleteSite(siteId, AuditContext.of(auth, request))) {
      throw notFound("site", siteId);
    }
    events.publishEvent(new TopologyChanged("site " + siteId));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/links")
  List<Link> links() {
    return repo.links();
  }

  @PostMapping("/links")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('ADMIN')")
  Link addLink(@RequestBody Link body, Authentication auth, HttpServletRequest request) {
    Link saved = admin.save(body, AuditContext.of(auth, request));
    events.publishEvent(new TopologyChanged("link " + saved.id()));
    return saved;
  }

  @GetMapping("/links/{linkId}")
  Link link(@PathVariable String linkId) {
    return repo.link(linkId).orElseThrow(() -> notFound("link", linkId));
  }

  @PutMapping("/links/{linkId}")
  @PreAuthorize("hasRole('ADMIN')")
  Link updateLink(@PathVariable String linkId, @RequestBody Link body, Authentication auth,
      HttpServletRequest request) {
    requireSameId(linkId, body.id());
    repo.link(linkId).orElseThrow(() -> notFound("link", linkId));
    Link saved = admin.save(new Link(linkId, body.name(), body.kind(), body.vendor(), body.capacityMbps(),
        body.probeTarget()), AuditContext.of(auth, request));
    events.publishEvent(new TopologyChanged("link " + linkId));
    return saved;
  }

  @DeleteMapping("/links/{linkId}")
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<Void> deleteLink(@PathVariable String linkId, Authentication auth, HttpServletRequest request) {
    if (!admin.deleteLink(linkId, AuditContext.of(auth, request))) {
      throw notFound("link", linkId);
    }
    events.publishEvent(new TopologyChanged("link " + linkId));
    return ResponseEntity.noContent().build();
  }

  private static void requireSameId(String pathId, String bodyId) {
    if (bodyId != null && !bodyId.equals(pathId)) {
      throw new InvalidSiteException("id", "site.id.invalid", "the body's id differs from the path's");
    }
  }

  private static ResponseStatusException notFound(String what, String id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + what + " " + id);
  }
}
