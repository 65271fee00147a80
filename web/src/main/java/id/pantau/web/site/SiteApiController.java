package id.pantau.web.site;

import id.pantau.web.audit.AuditContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sites and links for scripts: any signed-in user reads them, administrators add them. */
@RestController
@RequestMapping("/api")
class SiteApiController {
  private final SiteRepository repo;
  private final SiteAdministration admin;

  SiteApiController(SiteRepository repo, SiteAdministration admin) {
    this.repo = repo;
    this.admin = admin;
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
    return SiteBody.of(admin.save(s, AuditContext.of(auth, request)));
  }

  @GetMapping("/links")
  List<Link> links() {
    return repo.links();
  }

  @PostMapping("/links")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('ADMIN')")
  Link addLink(@RequestBody Link body, Authentication auth, HttpServletRequest request) {
    return admin.save(body, AuditContext.of(auth, request));
  }
}
