package id.pantau.web.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import id.pantau.storage.index.SegmentRow;
import id.pantau.storage.retention.EvidenceHolds;
import id.pantau.storage.retention.RetentionJob;
import id.pantau.storage.retention.RetentionPolicy;
import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditFilter;
import id.pantau.web.audit.AuditRecord;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.evidence.EvidenceRequest.Status;
import id.pantau.web.evidence.verify.EvidenceVerifier;
import id.pantau.web.user.User;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * The police workflow end to end through the REST API, on real recordings: request, decision, evidence hold,
 * background build, signed package, expiring link, download by the requester alone, and the audit trail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceWorkflowTest extends EvidenceTestSupport {
  @Autowired AuditTrail audit;
  @Autowired EvidenceHolds holds;
  @Autowired EvidenceSigner signer;
  @Autowired ExportJobs jobs;
  @Autowired RetentionJob retention;
  // the data directory of the context in use: the static dataDir names the last context built, which a cached
  // context need not be
  @Value("${vms.data-dir}") Path contextDataDir;

  String camera;
  long recordedFrom;
  User investigator;
  User supervisor;
  User otherInvestigator;
  long readyId;
  long from;
  long to;

  @BeforeAll
  void oneApprovedAndBuiltRequest() throws Exception {
    camera = unique("cam-gerbang");
    createCamera(camera, null);
    recordedFrom = minutesAgo(10);
    record(camera, recordedFrom, 20);
    investigator = investigator(camera);
    supervisor = supervisor(camera);
    otherInvestigator = investigator(camera);
    from = recordedFrom + 3_300;
    to = recordedFrom + 14_700;
    readyId = filed(investigator, camera, from, to);

    JsonNode listed = json(mvc.perform(get("/api/evidence/requests").with(as(supervisor))).andReturn().getResponse());
    assertThat(listed.findValues("id")).extracting(JsonNode::asLong).contains(readyId);
    assertThat(decide(supervisor, readyId, true, "sesuai laporan polisi").getStatus()).isEqualTo(200);
    await(readyId, Status.READY);
  }

  @Test
  void theRequesterDownloadsASignedPackageThatMatchesTheRecording() throws Exception {
    EvidenceRequest r = requests.find(readyId).orElseThrow();
    assertThat(holds.active()).contains(new RetentionPolicy.Hold(camera, from, to));

    MockHttpServletResponse linkResponse = link(investigator, readyId);
    assertThat(linkResponse.getStatus()).isEqualTo(200);
    String url = json(linkResponse).get("url").asText();
    MockHttpServletResponse download = download(investigator, url);
    assertThat(download.getStatus()).isEqualTo(200);
    assertThat(download.getHeader("Content-Disposition")).contains("evidence-" + readyId + ".zip");
    Path zip = Files.write(dataDir.resolve("downloaded-" + readyId + ".zip"), download.getContentAsByteArray());
    assertThat(sha256(Files.readAllBytes(zip))).isEqualTo(r.packageSha256())
        .isEqualTo(download.getHeader("X-Package-SHA256"));

    EvidenceVerifier.Report report = EvidenceVerifier.verify(zip, signer.publicKey());
    assertThat(report.findings()).isEmpty();
    assertThat(report.filesChecked()).isEqualTo(1);
    JsonNode manifest;
    byte[] mp4;
    try (ZipFile z = new ZipFile(zip.toFile())) {
      manifest = JSON.readTree(z.getInputStream(z.getEntry("manifest.json")));
      try (InputStream in = z.getInputStream(z.getEntry(camera + ".mp4"))) {
        mp4 = in.readAllBytes();
      }
    }
    assertThat(manifest.get("caseNumber").asText()).isEqualTo(r.caseNumber());
    assertThat(manifest.get("reason").asText()).isEqualTo(r.reason());
    assertThat(manifest.get("requester").asText()).isEqualTo(investigator.username());
    assertThat(manifest.at("/approval/approver").asText()).isEqualTo(supervisor.username());
    assertThat(manifest.at("/approval/note").asText()).isEqualTo("sesuai laporan polisi");
    assertThat(manifest.at("/range/from/utc").asText()).isEqualTo(Instant.ofEpochMilli(from).toString());
    assertThat(manifest.at("/range/to/local").asText()).endsWith("+07:00");
    assertThat(manifest.get("timeZone").asText()).isEqualTo("Asia/Jakarta");
    assertThat(manifest.at("/signature/publicKeySha256").asText()).isEqualTo(signer.fingerprint());
    assertThat(manifest.at("/storage/writeProtected").asBoolean()).as("the embedded S3 has no object lock").isFalse();
    JsonNode export = manifest.at("/exports/0");
    assertThat(export.get("sha256").asText()).isEqualTo(sha256(mp4));
    List<SegmentRow> sources = index.segments(camera, "main", from, to);
    assertThat(export.get("sourceSegments").findValues("sha256")).extracting(JsonNode::asText)
        .containsExactlyElementsOf(sources.stream().map(SegmentRow::sha256).toList());
    assertThat(export.get("sourceSegments").findValues("objectKey")).extracting(JsonNode::asText)
        .containsExactlyElementsOf(sources.stream().map(SegmentRow::objectKey).toList());

    Path video = Files.write(dataDir.resolve("evidence-" + readyId + ".mp4"), mp4);
    List<String> packets = Probe.packets(video);
    assertThat(packets).hasSize(export.at("/video/frames").asInt());
    assertThat(packets.get(0)).as("keyframe first").contains("K");
    // keyframes every 2 s: from 2 s (before 3.3 s) up to the last frame starting before 14.7 s
    assertThat(packets).hasSize((int) ((14_700 - 2_000) / 40) + 1);
    assertThat(Probe.duration(video)).isCloseTo((to - from) / 1000.0, within(2.0));

    for (AuditAction action : List.of(AuditAction.EXPORT_REQUEST, AuditAction.EXPORT_DECISION,
        AuditAction.EVIDENCE_HOLD, AuditAction.EXPORT_BUILT, AuditAction.EXPORT_LINK_ISSUED,
        AuditAction.EXPORT_DOWNLOAD)) {
      assertThat(auditFor(action, readyId)).as("audit rows of %s", action).isNotEmpty();
    }
    assertThat(auditFor(AuditAction.EXPORT_DOWNLOAD, readyId)).extracting(AuditRecord::actor)
        .containsOnly(investigator.username());
  }

  @Test
  void nobodyButTheRequesterGetsALinkOrTheFile() throws Exception {
    assertThat(link(otherInvestigator, readyId).getStatus()).as("cannot even see it").isEqualTo(404);
    assertThat(link(supervisor, readyId).getStatus()).as("sees it, is not the requester").isEqualTo(403);
    String url = json(link(investigator, readyId)).get("url").asText();
    assertThat(download(supervisor, url).getStatus()).isEqualTo(403);
    assertThat(download(otherInvestigator, url).getStatus()).isEqualTo(403);
    assertThat(download(investigator, url.replaceAll("token=[^&]+", "token=forged")).getStatus()).isEqualTo(403);
    assertThat(auditFor(AuditAction.EXPORT_DOWNLOAD_REFUSED, readyId)).extracting(AuditRecord::actor)
        .contains(supervisor.username(), otherInvestigator.username(), investigator.username());
  }

  @Test
  void anExpiredLinkIsRefused() throws Exception {
    // a link the server issued an hour ago (same key file, clock an hour back)
    DownloadLinks anHourAgo = DownloadLinks.loadOrCreate(contextDataDir, Clock.offset(Clock.systemUTC(),
        Duration.ofHours(-1)), Duration.ofMinutes(10));
    MockHttpServletResponse r = download(investigator, anHourAgo.issue(readyId, investigator.username()).path());
    assertThat(r.getStatus()).isEqualTo(410);
    assertThat(r.getContentAsString()).contains("expired");
  }

  @Test
  void unapprovedAndRejectedRequestsCannotBeDownloaded() throws Exception {
    long id = filed(investigator, camera, recordedFrom + 1_000, recordedFrom + 5_000);
    DownloadLinks links = DownloadLinks.loadOrCreate(contextDataDir, Clock.systemUTC(), Duration.ofMinutes(10));
    String forged = links.issue(id, investigator.username()).path();

    assertThat(link(investigator, id).getStatus()).isEqualTo(409);
    assertThat(download(investigator, forged).getStatus()).as("pending").isEqualTo(409);
    assertThat(decide(supervisor, id, false, null).getStatus()).as("a note is required").isEqualTo(400);
    assertThat(decide(supervisor, id, false, "rekaman tidak relevan").getStatus()).isEqualTo(200);
    assertThat(requests.find(id).orElseThrow().status()).isEqualTo(Status.REJECTED);
    assertThat(decide(supervisor, id, true, "berubah pikiran").getStatus()).as("decided once").isEqualTo(409);
    assertThat(link(investigator, id).getStatus()).isEqualTo(409);
    assertThat(download(investigator, forged).getStatus()).as("rejected").isEqualTo(409);
    assertThat(holds.active()).noneMatch(h -> h.cameraId().equals(camera) && h.startWallMs() == recordedFrom + 1_000);
    assertThat(auditFor(AuditAction.EXPORT_DOWNLOAD_REFUSED, id)).hasSize(2);
    assertThat(auditFor(AuditAction.EXPORT_DECISION, id)).extracting(AuditRecord::actor)
        .containsExactly(supervisor.username());
  }

  @Test
  void aSupervisorCannotDecideTheirOwnRequest() throws Exception {
    long id = filed(supervisor, camera, recordedFrom, recordedFrom + 2_000);
    MockHttpServletResponse self = decide(supervisor, id, true, "saya sendiri");
    assertThat(self.getStatus()).isEqualTo(403);
    assertThat(self.getContentAsString()).contains("cannot be approved or rejected by the user who filed it");
    assertThat(requests.find(id).orElseThrow().status()).isEqualTo(Status.PENDING);
    User second = supervisor(camera);
    assertThat(decide(second, id, false, "diputuskan atasan lain").getStatus()).isEqualTo(200);
  }

  @Test
  void badRequestsAreProblemDetailsNamingTheField() throws Exception {
    String cam = camera;
    Map<String, MockHttpServletResponse> bad = Map.of(
        "caseNumber", fileRequest(investigator, List.of(cam), from, to, " ", "alasan"),
        "reason", fileRequest(investigator, List.of(cam), from, to, "LP/1", ""),
        "to", fileRequest(investigator, List.of(cam), to, from, "LP/1", "alasan"),
        "cameras", fileRequest(investigator, List.of(), from, to, "LP/1", "alasan"));
    bad.forEach((field, r) -> {
      assertThat(r.getStatus()).as(field).isEqualTo(400);
      assertThat(r.getContentType()).as(field).contains("application/problem+json");
      try {
        assertThat(json(r).get("field").asText()).isEqualTo(field);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    MockHttpServletResponse tooLong = fileRequest(investigator, List.of(cam), from - Duration.ofDays(2).toMillis(),
        from, "LP/1", "alasan");
    assertThat(json(tooLong).get("field").asText()).isEqualTo("to");
    MockHttpServletResponse future = fileRequest(investigator, List.of(cam), from,
        System.currentTimeMillis() + 3_600_000, "LP/1", "alasan");
    assertThat(json(future).get("detail").asText()).contains("future");
    String stranger = unique("cam-lain");
    createCamera(stranger, null);
    assertThat(fileRequest(investigator, List.of(stranger), to, from, "", "").getStatus())
        .as("a camera the user may not export answers 404 before any validation").isEqualTo(404);
  }

  @Test
  void retentionNeverDeletesAHeldRange() throws Exception {
    String cam = unique("cam-arsip");
    cameras.save(new id.pantau.storage.camera.Camera(cam, "Arsip", null, null, "rtsp://10.20.0.9/" + cam, null, null,
        null, null, true, 1, null));
    long old = minutesAgo(3 * 24 * 60);
    record(cam, old, 16);
    long id = filed(investigator(cam), cam, old + 5_000, old + 9_000);
    User sup = supervisor(cam);
    assertThat(decide(sup, id, true, "tahan untuk penyidikan").getStatus()).isEqualTo(200);
    await(id, Status.READY);
    List<SegmentRow> before = index.segments(cam, "main", 0, Long.MAX_VALUE);
    assertThat(before).hasSize(4);

    retention.run();

    List<SegmentRow> after = index.segments(cam, "main", 0, Long.MAX_VALUE);
    // 4 s segments: [0,4) [4,8) [8,12) [12,16); the hold covers 5..9 s
    assertThat(after).extracting(SegmentRow::startWallMs).containsExactly(old + 4_000, old + 8_000);
    for (SegmentRow s : after) {
      assertThat(store.find(s.objectKey())).as("held object kept").isPresent();
    }
    assertThat(store.find(before.get(0).objectKey())).as("unheld expired object deleted").isEmpty();
  }

  @Test
  void aBuildCutOffByARestartRunsAgain() throws Exception {
    long id = requests.create(investigator.username(), List.of(camera), from, to, "Asia/Jakarta", "LP/restart",
        "dipotong saat server dimatikan", System.currentTimeMillis());
    requests.decide(id, true, supervisor.username(), "ok", System.currentTimeMillis());
    // as a crash would leave it: building, one attempt spent
    assertThat(requests.startBuild(id)).isTrue();
    assertThat(requests.find(id).orElseThrow().status()).isEqualTo(Status.BUILDING);

    assertThat(jobs.resumeUnfinished()).isGreaterThanOrEqualTo(1);

    EvidenceRequest done = await(id, Status.READY);
    assertThat(done.attempts()).isEqualTo(2);
    assertThat(done.packageSha256()).hasSize(64);
  }

  private List<AuditRecord> auditFor(AuditAction action, long requestId) {
    return audit.find(new AuditFilter(null, action, null, null, null), 0, 10_000).stream()
        .filter(a -> a.details() != null && a.details().contains("request " + requestId + " ")
            || a.details() != null && a.details().contains("request " + requestId + ":")
            || a.details() != null && a.details().endsWith("request " + requestId)
            || a.details() != null && a.details().contains("request " + requestId + ","))
        .toList();
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
