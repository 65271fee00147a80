package id.pantau.web.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.pantau.web.evidence.EvidenceRequest.Status;
import id.pantau.web.user.User;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The evidence page without a browser: the playback page's export link prefills the form, a camera the user may
 * not export answers 404, the form files a request in the site's local time, a supervisor decides on the page,
 * and the page says plainly that the embedded S3 endpoint does not write-protect packages.
 */
class EvidencePageTest extends EvidenceTestSupport {

  @Test
  void theExportLinkPrefillsCameraAndRangeInLocalTime() throws Exception {
    String camera = unique("cam-lobi");
    createCamera(camera, null);
    User investigator = investigator(camera);

    MockHttpServletResponse page = mvc.perform(get("/evidence").with(as(investigator))
        .param("camera", camera).param("from", "2026-11-23T01:02:03Z").param("to", "2026-11-23T01:07:03.500Z"))
        .andReturn().getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
    String html = page.getContentAsString();
    // Asia/Jakarta is UTC+7: the form's local fields show 08:02:03 and 08:07:03
    assertThat(html).contains("value=\"2026-11-23T08:02:03\"", "value=\"2026-11-23T08:07:03\"");
    assertThat(html).containsPattern("value=\"" + camera + "\"[^>]*checked");

    String stranger = unique("cam-rahasia");
    createCamera(stranger, null);
    assertThat(mvc.perform(get("/evidence").with(as(investigator)).param("camera", stranger)).andReturn()
        .getResponse().getStatus()).isEqualTo(404);
    String unparsable = mvc.perform(get("/evidence").with(as(investigator)).param("from", "yesterday")).andReturn()
        .getResponse().getContentAsString();
    assertThat(unparsable).as("falls back to the last ten minutes").contains("id=\"from\"");
  }

  @Test
  void theFormFilesARequestAndTheSupervisorRejectsItOnThePage() throws Exception {
    String camera = unique("cam-loket");
    createCamera(camera, null);
    User investigator = investigator(camera);
    User supervisor = supervisor(camera);

    MockHttpServletResponse filed = mvc.perform(post("/evidence/requests").with(as(investigator)).with(csrf())
        .param("cameras", camera).param("from", "2026-11-20T08:00:00").param("to", "2026-11-20T08:05:00")
        .param("caseNumber", "LP/B/77/XI/2026").param("reason", "perkelahian di loket")).andReturn().getResponse();
    assertThat(filed.getStatus()).isEqualTo(302);
    EvidenceRequest r = requests.all().stream().filter(x -> x.cameraIds().equals(List.of(camera))).findFirst()
        .orElseThrow();
    assertThat(r.fromMs()).as("08:00 WIB").isEqualTo(java.time.Instant.parse("2026-11-20T01:00:00Z").toEpochMilli());

    String supervisorPage = mvc.perform(get("/evidence").with(as(supervisor))).andReturn().getResponse()
        .getContentAsString();
    assertThat(supervisorPage).contains("id=\"approve-" + r.id() + "\"", "LP/B/77/XI/2026",
        "NOT write-protected", "does not enforce Object Lock");
    assertThat(mvc.perform(get("/evidence").with(as(investigator))).andReturn().getResponse().getContentAsString())
        .as("no decision buttons for the requester").doesNotContain("id=\"approve-" + r.id() + "\"");

    MvcResult noNote = mvc.perform(post("/evidence/requests/" + r.id() + "/decision")
        .with(as(supervisor)).with(csrf()).param("approve", "false").param("note", " ")).andReturn();
    assertThat(noNote.getFlashMap().get("refused")).isEqualTo("evidence.error.note");
    mvc.perform(post("/evidence/requests/" + r.id() + "/decision").with(as(supervisor)).with(csrf())
        .param("approve", "false").param("note", "rekaman di luar jam kejadian"));
    EvidenceRequest decided = requests.find(r.id()).orElseThrow();
    assertThat(decided.status()).isEqualTo(Status.REJECTED);
    assertThat(decided.decisionNote()).isEqualTo("rekaman di luar jam kejadian");
  }

  @Test
  void theFormSaysWhichFieldIsWrong() throws Exception {
    String camera = unique("cam-pintu");
    createCamera(camera, null);
    MockHttpServletResponse r = mvc.perform(post("/evidence/requests").with(as(investigator(camera))).with(csrf())
        .param("cameras", camera).param("from", "2026-11-20T08:05:00").param("to", "2026-11-20T08:00:00")
        .param("caseNumber", "LP/1").param("reason", "alasan")).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContentAsString()).contains("id=\"request-error\"", "The end must be after the start.");
  }
}
