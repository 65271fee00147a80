package id.pantau.web.evidence;

import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.web.evidence.EvidenceRequest.Status;
import id.pantau.web.evidence.verify.EvidenceVerifier;
import id.pantau.web.security.CameraAccess;
import id.pantau.web.security.Capability;
import id.pantau.web.site.SiteTimes;
import id.pantau.web.site.SiteZones;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evidence page: investigators file requests and download their packages, supervisors decide, everyone
 * sees where their requests stand (progress while building) and whether the evidence bucket locks packages;
 * and the verify page, which checks an uploaded package against this server's key.
 */
@Controller
class EvidencePageController {
  private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  private static final DateTimeFormatter PREFILL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private final EvidenceWorkflow workflow;
  private final CameraAccess access;
  private final CameraRepository cameras;
  private final SiteTimes times;
  private final EvidenceSigner signer;
  private final Clock clock;

  EvidencePageController(EvidenceWorkflow workflow, CameraAccess access, CameraRepository cameras, SiteTimes times,
      EvidenceSigner signer, Clock clock) {
    this.workflow = workflow;
    this.access = access;
    this.cameras = cameras;
    this.times = times;
    this.signer = signer;
    this.clock = clock;
  }

  /** A request as a table row: its range and creation in its own zone, and what this user may do. */
  record Row(EvidenceRequest request, String range, String created, boolean canDecide, boolean canDownload) {
    public boolean building() {
      return request.status().unfinished();
    }
  }

  /** What the request form was given, to show it again after an error. */
  record Form(List<String> cameras, String from, String to, String caseNumber, String reason) {}

  /**
   * The page; {@code camera}, {@code from} and {@code to} (ISO-8601 instants) prefill the request form, as the
   * playback page's export button does. A camera the user may not export answers 404, like any other.
   */
  @GetMapping("/evidence")
  String page(@RequestParam(name = "camera", required = false) List<String> cameraIds,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to, Authentication auth,
      Model model) {
    List<String> chosen = workflow.requireExport(auth, cameraIds);
    ZoneId zone = times.defaultZone();
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.MINUTES);
    String fromValue = formValue(from, zone, INPUT.format(now.minusMinutes(10)));
    String toValue = formValue(to, zone, INPUT.format(now));
    return render(auth, model, new Form(chosen, fromValue, toValue, "", ""));
  }

  /** An ISO-8601 instant as the form's local time (seconds kept); the fallback if it is absent or no instant. */
  private static String formValue(String instant, ZoneId zone, String fallback) {
    if (instant == null || instant.isBlank()) {
      return fallback;
    }
    try {
      return PREFILL.format(LocalDateTime.ofInstant(Instant.parse(instant.strip()), zone)
          .truncatedTo(ChronoUnit.SECONDS));
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }

  private String render(Authentication auth, Model model, Form form) {
    Set<String> exportable = access.visibleCameras(auth, Capability.EXPORT);
    List<Camera> options = cameras.findAll().stream().filter(c -> exportable.contains(c.id())).toList();
    List<Row> rows = workflow.visible(auth).stream().map(r -> row(auth, r)).toList();
    model.addAttribute("cameraOptions", options);
    model.addAttribute("rows", rows);
    model.addAttribute("pending", rows.stream().filter(Row::canDecide).toList());
    model.addAttribute("protection", workflow.protection());
    model.addAttribute("zone", SiteZones.abbreviation(times.defaultZone()));
    model.addAttribute("fingerprint", signer.fingerprint());
    model.addAttribute("linkMinutes", workflow.linkTtl().toMinutes());
    model.addAttribute("form", form);
    return "evidence/list";
  }

  private Row row(Authentication auth, EvidenceRequest r) {
    ZoneId zone = ZoneId.of(r.timeZone());
    return new Row(r, SiteZones.format(r.fromMs(), zone) + " – " + SiteZones.format(r.toMs(), zone),
        SiteZones.format(r.createdMs(), zone), workflow.mayDecide(auth, r),
        r.status() == Status.READY && r.requester().equals(auth.getName()));
  }

  @PostMapping("/evidence/requests")
  String file(@RequestParam(name = "cameras", required = false) List<String> cameraIds,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String caseNumber, @RequestParam(required = false) String reason,
      Authentication auth, HttpServletRequest http, HttpServletResponse response, Model model,
      RedirectAttributes redirect) {
    workflow.requireExport(auth, cameraIds);
    try {
      EvidenceRequest r = workflow.file(auth, http, cameraIds, local(from), local(to), caseNumber, reason);
      redirect.addFlashAttribute("filed", r.id());
      return "redirect:/evidence";
    } catch (EvidenceException e) {
      response.setStatus(e.status().value());
      model.addAttribute("error", e);
      return render(auth, model, new Form(cameraIds == null ? List.of() : cameraIds, from, to, caseNumber, reason));
    }
  }

  /** A time typed into the form, in the default zone the form names; null if it is not a time. */
  private Instant local(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip()).atZone(times.defaultZone()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @PostMapping("/evidence/requests/{requestId}/decision")
  String decide(@PathVariable long requestId, @RequestParam boolean approve,
      @RequestParam(required = false) String note, Authentication auth, HttpServletRequest http,
      RedirectAttributes redirect) {
    try {
      workflow.decide(auth, http, requestId, approve, note);
      redirect.addFlashAttribute(approve ? "approved" : "rejected", requestId);
    } catch (EvidenceException e) {
      redirect.addFlashAttribute("refused", e.code());
    }
    return "redirect:/evidence";
  }

  /** Issues an expiring link and sends the browser to it; the download is audited when it is fetched. */
  @PostMapping("/evidence/requests/{requestId}/download")
  String download(@PathVariable long requestId, Authentication auth, HttpServletRequest http,
      RedirectAttributes redirect) {
    try {
      return "redirect:" + workflow.link(auth, http, requestId).path();
    } catch (EvidenceException e) {
      redirect.addFlashAttribute("refused", e.code());
      return "redirect:/evidence";
    }
  }

  @GetMapping("/evidence/verify")
  String verifyForm(Model model) {
    model.addAttribute("fingerprint", signer.fingerprint());
    return "evidence/verify";
  }

  @PostMapping("/evidence/verify")
  String verify(@RequestParam(name = "package", required = false) MultipartFile upload, Authentication auth,
      HttpServletRequest http, Model model) throws IOException {
    model.addAttribute("fingerprint", signer.fingerprint());
    if (upload == null || upload.isEmpty()) {
      model.addAttribute("noFile", true);
      return "evidence/verify";
    }
    Path temp = Files.createTempFile("pantau-verify", ".zip");
    try {
      upload.transferTo(temp);
      EvidenceVerifier.Report report = workflow.verify(auth, http, temp, upload.getOriginalFilename());
      model.addAttribute("report", report);
      model.addAttribute("fileName", upload.getOriginalFilename());
    } finally {
      Files.deleteIfExists(temp);
    }
    return "evidence/verify";
  }
}
