package id.pantau.web.evidence;

import id.pantau.web.evidence.EvidenceRequest.Status;
import id.pantau.web.evidence.verify.EvidenceVerifier;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Evidence requests over REST: file, list, decide, get a download link, download; the server's public signing
 * key; verification of an uploaded package. Refusals are problem details ({@code field} names bad input).
 */
@RestController
@RequestMapping("/api/evidence")
class EvidenceApiController {
  private final EvidenceWorkflow workflow;
  private final EvidenceSigner signer;

  EvidenceApiController(EvidenceWorkflow workflow, EvidenceSigner signer) {
    this.workflow = workflow;
    this.signer = signer;
  }

  /** What an investigator sends to file a request; times are ISO-8601 instants. */
  record FileRequest(List<String> cameras, String from, String to, String caseNumber, String reason) {}

  /** A supervisor's decision. */
  record Decision(Boolean approve, String note) {}

  /** A download link for the requester: valid until {@code expiresAt}, for them only. */
  record LinkView(String url, String expiresAt) {}

  @GetMapping(value = "/public-key", produces = "application/x-pem-file")
  ResponseEntity<String> publicKey() {
    return ResponseEntity.ok().header("X-Key-Fingerprint-SHA256", signer.fingerprint())
        .contentType(MediaType.parseMediaType("application/x-pem-file")).body(signer.publicKeyPem());
  }

  @GetMapping("/storage")
  EvidenceStore.Protection storage() {
    return workflow.protection();
  }

  @PostMapping("/requests")
  ResponseEntity<EvidenceRequestView> file(@RequestBody(required = false) FileRequest body, Authentication auth,
      HttpServletRequest http) {
    FileRequest b = body == null ? new FileRequest(null, null, null, null, null) : body;
    // the camera permission first: another user's camera answers 404 whatever else is wrong
    workflow.requireExport(auth, b.cameras());
    EvidenceRequest r = workflow.file(auth, http, b.cameras(), instant(b.from()), instant(b.to()), b.caseNumber(),
        b.reason());
    return ResponseEntity.created(URI.create("/api/evidence/requests/" + r.id())).body(view(auth, r));
  }

  @GetMapping("/requests")
  List<EvidenceRequestView> list(Authentication auth) {
    return workflow.visible(auth).stream().map(r -> view(auth, r)).toList();
  }

  @GetMapping("/requests/{requestId}")
  EvidenceRequestView get(@PathVariable long requestId, Authentication auth) {
    return view(auth, workflow.visible(auth, requestId));
  }

  @PostMapping("/requests/{requestId}/decision")
  EvidenceRequestView decide(@PathVariable long requestId, @RequestBody(required = false) Decision body,
      Authentication auth, HttpServletRequest http) {
    Decision d = body == null ? new Decision(null, null) : body;
    workflow.visible(auth, requestId);
    if (d.approve() == null) {
      throw EvidenceException.invalid("approve", "evidence.error.approve", "required: true or false");
    }
    return view(auth, workflow.decide(auth, http, requestId, d.approve(), d.note()));
  }

  @PostMapping("/requests/{requestId}/link")
  LinkView link(@PathVariable long requestId, Authentication auth, HttpServletRequest http) {
    DownloadLinks.Link link = workflow.link(auth, http, requestId);
    return new LinkView(link.path(), link.expiresAt().toString());
  }

  @GetMapping("/requests/{requestId}/download")
  ResponseEntity<StreamingResponseBody> download(@PathVariable long requestId,
      @RequestParam(defaultValue = "0") long expires, @RequestParam(required = false) String token,
      Authentication auth, HttpServletRequest http) {
    EvidenceWorkflow.Download d = workflow.download(auth, http, requestId, expires, token);
    StreamingResponseBody body = out -> {
      try (InputStream in = d.content().get()) {
        in.transferTo(out);
      }
    };
    ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + d.fileName() + "\"")
        .header("X-Package-SHA256", d.request().packageSha256())
        .contentType(MediaType.parseMediaType("application/zip"));
    if (d.bytes() >= 0) {
      ok.contentLength(d.bytes());
    }
    return ok.body(body);
  }

  @PostMapping("/verify")
  Map<String, Object> verify(@RequestParam("package") MultipartFile upload, Authentication auth,
      HttpServletRequest http) throws IOException {
    Path temp = Files.createTempFile("pantau-verify", ".zip");
    try {
      upload.transferTo(temp);
      return reportJson(workflow.verify(auth, http, temp, upload.getOriginalFilename()));
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  static Map<String, Object> reportJson(EvidenceVerifier.Report report) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", report.ok());
    m.put("filesChecked", report.filesChecked());
    m.put("findings", report.findings().stream().map(f -> Map.of("file", f.file(), "problem", f.problem())).toList());
    m.put("keyFingerprintSha256", report.keyFingerprint());
    m.put("caseNumber", report.manifest().get("caseNumber"));
    m.put("lines", report.lines());
    return m;
  }

  private EvidenceRequestView view(Authentication auth, EvidenceRequest r) {
    return EvidenceRequestView.of(r, workflow.mayDecide(auth, r),
        r.status() == Status.READY && r.requester().equals(auth.getName()));
  }

  private static Instant instant(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @ExceptionHandler(EvidenceException.class)
  ProblemDetail refused(EvidenceException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    if (e.field() != null) {
      p.setTitle("Invalid " + e.field());
      p.setProperty("field", e.field());
    }
    return p;
  }
}
