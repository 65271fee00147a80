package id.pantau.web.ui;

import id.pantau.web.camera.CamerasChanged;
import org.springframework.context.ApplicationEventPublisher;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraInUseException;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.camera.InvalidCameraException;
import id.pantau.storage.camera.Transport;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.web.VmsProperties;
import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditContext;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.security.CameraAccess;
import id.pantau.web.security.CameraNotFoundException;
import id.pantau.web.security.Capability;
import id.pantau.web.site.SiteRepository;
import id.pantau.web.site.SiteTimes;
import id.pantau.web.site.SiteZones;
import id.pantau.web.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Camera pages: the list shows only cameras the user may use; administrators add and delete; administrators
 * and technicians edit settings, and only administrators change credentials.
 */
@Controller
@RequestMapping("/cameras")
class CamerasPageController {
  private final CameraRepository cameras;
  private final CameraAccess access;
  private final SiteRepository sites;
  private final SiteTimes times;
  private final SegmentIndex segments;
  private final AuditTrail audit;
  private final Clock clock;
  private final long segmentMs;
  private final ApplicationEventPublisher events;

  CamerasPageController(CameraRepository cameras, CameraAccess access, SiteRepository sites, SiteTimes times,
      SegmentIndex segments, AuditTrail audit, Clock clock, VmsProperties props, ApplicationEventPublisher events) {
    this.events = events;
    this.cameras = cameras;
    this.access = access;
    this.sites = sites;
    this.times = times;
    this.segments = segments;
    this.audit = audit;
    this.clock = clock;
    this.segmentMs = props.recorder().segmentSeconds() * 1000L;
  }

  /** One line of the list. */
  record Row(Camera camera, String siteName, String zone, CameraStatus status, String lastRecording,
      boolean editable) {}

  @GetMapping
  String list(Authentication auth, Model model) {
    Set<String> visible = access.visibleCameras(auth);
    boolean canConfigure = access.capabilities(auth).contains(Capability.CONFIGURE);
    Map<String, Long> lastEnds = CameraStatus.lastSegmentEnds(segments);
    Map<String, ZoneId> zones = times.cameraZones();
    Map<String, String> siteNames = new HashMap<>();
    sites.sites().forEach(s -> siteNames.put(s.id(), s.name()));
    long now = clock.millis();
    List<Row> rows = new ArrayList<>();
    for (Camera c : cameras.findAll()) {
      if (!visible.contains(c.id())) {
        continue;
      }
      Long last = lastEnds.get(c.id());
      ZoneId zone = zones.getOrDefault(c.id(), times.defaultZone());
      rows.add(new Row(c, c.siteId() == null ? null : siteNames.getOrDefault(c.siteId(), c.siteId()),
          SiteZones.abbreviation(zone), CameraStatus.of(c, last, now, segmentMs),
          last == null ? null : times.format(last, c.id(), zones), canConfigure));
    }
    model.addAttribute("rows", rows);
    return "cameras/list";
  }

  @GetMapping("/new")
  @PreAuthorize("hasRole('ADMIN')")
  String newForm(Model model) {
    return form(model, new CameraForm(), true, true);
  }

  @PostMapping
  @PreAuthorize("hasRole('ADMIN')")
  String create(@ModelAttribute("form") CameraForm form, Model model, Authentication auth,
      HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
    try {
      if (form.getId() != null && cameras.exists(form.getId().trim())) {
        throw new InvalidCameraException("id", "a camera with this id exists already");
      }
      Camera saved = cameras.save(form.toCamera(null, true));
      audit.record(AuditContext.of(auth, request).event(AuditAction.CAMERA_CREATED).camera(saved.id())
          .details(describe(saved)).build());
      events.publishEvent(new CamerasChanged(saved.id()));
      redirect.addFlashAttribute("saved", saved.id());
      return "redirect:/cameras";
    } catch (InvalidCameraException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e.getMessage());
      return form(model, form, true, true);
    }
  }

  @GetMapping("/{id}/edit")
  String edit(@PathVariable String id, Model model, Authentication auth) {
    access.require(auth, id, Capability.CONFIGURE);
    Camera c = cameras.find(id).orElseThrow(CameraNotFoundException::new);
    return form(model, CameraForm.of(c), false, isAdmin(auth));
  }

  @PostMapping("/{id}")
  String update(@PathVariable String id, @ModelAttribute("form") CameraForm form, Model model,
      Authentication auth, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
    access.require(auth, id, Capability.CONFIGURE);
    Camera before = cameras.find(id).orElseThrow(CameraNotFoundException::new);
    boolean admin = isAdmin(auth);
    form.setId(id);
    try {
      Camera saved = cameras.save(form.toCamera(before, admin));
      audit.record(AuditContext.of(auth, request).event(AuditAction.CAMERA_UPDATED).camera(id)
          .details(changes(before, saved)).build());
      events.publishEvent(new CamerasChanged(id));
      redirect.addFlashAttribute("saved", id);
      return "redirect:/cameras";
    } catch (InvalidCameraException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e.getMessage());
      form.setHasPassword(before.hasPassword());
      return form(model, form, false, admin);
    }
  }

  @PostMapping("/{id}/delete")
  @PreAuthorize("hasRole('ADMIN')")
  String delete(@PathVariable String id, Authentication auth, HttpServletRequest request,
      RedirectAttributes redirect) {
    access.require(auth, id, Capability.CONFIGURE);
    try {
      cameras.delete(id);
    } catch (CameraInUseException e) {
      redirect.addFlashAttribute("deleteRefused", id);
      return "redirect:/cameras";
    }
    audit.record(AuditContext.of(auth, request).event(AuditAction.CAMERA_DELETED).camera(id).build());
    events.publishEvent(new CamerasChanged(id));
    redirect.addFlashAttribute("deleted", id);
    return "redirect:/cameras";
  }

  private String form(Model model, CameraForm form, boolean creating, boolean mayChangeCredentials) {
    model.addAttribute("form", form);
    model.addAttribute("creating", creating);
    model.addAttribute("mayChangeCredentials", mayChangeCredentials);
    model.addAttribute("sites", sites.sites());
    model.addAttribute("links", sites.links());
    model.addAttribute("transports", Transport.values());
    model.addAttribute("networks", cameras.networks().toString());
    return "cameras/form";
  }

  private static boolean isAdmin(Authentication auth) {
    return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
  }

  private static String describe(Camera c) {
    return "name=" + c.name() + " site=" + c.siteId() + " link=" + c.linkId() + " main=" + c.mainUrl() + " sub="
        + c.subUrl() + " user=" + c.username() + " credentials=" + (c.hasPassword() ? "set" : "none")
        + " enabled=" + c.enabled() + " retentionDays=" + c.retentionDays() + " node=" + c.recorderNode();
  }

  /** Changed fields with their new values; a password change is recorded as such, never its value. */
  private static String changes(Camera a, Camera b) {
    List<String> d = new ArrayList<>();
    diff(d, "name", a.name(), b.name());
    diff(d, "site", a.siteId(), b.siteId());
    diff(d, "link", a.linkId(), b.linkId());
    diff(d, "main", a.mainUrl(), b.mainUrl());
    diff(d, "sub", a.subUrl(), b.subUrl());
    diff(d, "user", a.username(), b.username());
    if (!Objects.equals(a.password(), b.password())) {
      d.add("password=" + (b.hasPassword() ? "changed" : "removed"));
    }
    diff(d, "transport", a.transport(), b.transport());
    diff(d, "enabled", a.enabled(), b.enabled());
    diff(d, "retentionDays", a.retentionDays(), b.retentionDays());
    diff(d, "node", a.recorderNode(), b.recorderNode());
    return d.isEmpty() ? "no changes" : String.join(" ", d);
  }

  private static void diff(List<String> out, String field, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      out.add(field + "=" + after);
    }
  }
}
