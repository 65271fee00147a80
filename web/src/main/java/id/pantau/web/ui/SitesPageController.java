package id.pantau.web.ui;

import id.pantau.web.audit.AuditContext;
import id.pantau.web.site.InvalidSiteException;
import id.pantau.web.site.Link;
import id.pantau.web.site.Site;
import id.pantau.web.site.SiteAdministration;
import id.pantau.web.site.SiteRepository;
import id.pantau.web.site.SiteZones;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sites and links: everyone signed in sees the lists, administrators add entries. */
@Controller
class SitesPageController {
  private final SiteRepository repo;
  private final SiteAdministration admin;
  private final Clock clock;

  SitesPageController(SiteRepository repo, SiteAdministration admin, Clock clock) {
    this.repo = repo;
    this.admin = admin;
    this.clock = clock;
  }

  /** A site with its local time now, so the zone is visible at a glance. */
  record SiteRow(Site site, int cameras, String localTime) {}

  @GetMapping("/sites")
  String sites(Model model) {
    var counts = repo.cameraCounts();
    long now = clock.millis();
    model.addAttribute("rows", repo.sites().stream()
        .map(s -> new SiteRow(s, counts.getOrDefault(s.id(), 0), SiteZones.format(now, s.timeZone()))).toList());
    model.addAttribute("links", repo.links());
    return "sites/list";
  }

  @GetMapping("/sites/new")
  @PreAuthorize("hasRole('ADMIN')")
  String newSite(Model model) {
    model.addAttribute("zones", SiteZones.INDONESIA);
    return "sites/site-form";
  }

  @PostMapping("/sites")
  @PreAuthorize("hasRole('ADMIN')")
  String addSite(@RequestParam String id, @RequestParam String name, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String district, @RequestParam(required = false) Double latitude,
      @RequestParam(required = false) Double longitude, @RequestParam String timeZone, Model model,
      Authentication auth, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
    try {
      ZoneId zone = SiteZones.parse(timeZone);
      admin.save(new Site(id, name, kind, district, latitude, longitude, zone), AuditContext.of(auth, request));
      redirect.addFlashAttribute("saved", id);
      return "redirect:/sites";
    } catch (InvalidSiteException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e);
      model.addAttribute("zones", SiteZones.INDONESIA);
      model.addAttribute("site", new Site(id, name, kind, district, latitude, longitude, null));
      return "sites/site-form";
    }
  }

  @GetMapping("/links/new")
  @PreAuthorize("hasRole('ADMIN')")
  String newLink() {
    return "sites/link-form";
  }

  @PostMapping("/links")
  @PreAuthorize("hasRole('ADMIN')")
  String addLink(@RequestParam String id, @RequestParam String name, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String vendor, @RequestParam(required = false) Integer capacityMbps,
      @RequestParam(required = false) String probeTarget, Model model, Authentication auth,
      HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
    Link link = new Link(id, name, kind, vendor, capacityMbps, probeTarget);
    try {
      admin.save(link, AuditContext.of(auth, request));
      redirect.addFlashAttribute("saved", id);
      return "redirect:/sites";
    } catch (InvalidSiteException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e);
      model.addAttribute("link", link);
      return "sites/link-form";
    }
  }
}
