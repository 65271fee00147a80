package id.pantau.web.evidence;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.pantau.recorder.upload.SegmentUploader;
import id.pantau.recorder.virtualcam.ClipRecording;
import id.pantau.recorder.virtualcam.TestMedia;
import id.pantau.recorder.virtualcam.media.ClipLibrary;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.s3.ObjectStore;
import id.pantau.web.PantauWebTest;
import id.pantau.web.evidence.EvidenceRequest.Status;
import id.pantau.web.user.Role;
import id.pantau.web.user.User;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real recordings for evidence tests: a 640x360 clip (2 s GOP) written by the recorder's own writer into the
 * application's S3 endpoint and index, and helpers to file, decide and wait for requests through the API.
 */
abstract class EvidenceTestSupport extends PantauWebTest {
  static final Path MEDIA = Path.of("target", "evidence-media");
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired ObjectStore store;
  @Autowired SegmentIndex index;
  @Autowired EvidenceRequests requests;

  /** Records {@code seconds} of the clip for the camera from {@code startWallMs}, in 4 s segments. */
  void record(String cameraId, long startWallMs, int seconds) throws Exception {
    Path clip = TestMedia.ensure(MEDIA, TestMedia.Kind.SUB_H264, 4);
    try (SegmentUploader uploader = new SegmentUploader(store, index, 1, n -> 100)) {
      new ClipRecording(uploader, dataDir.resolve("test-spool"), Duration.ofSeconds(4)).record(cameraId,
          new ClipLibrary(25).load(clip), new ClipRecording.Picture(640, 360), startWallMs, seconds * 25);
      if (!uploader.drain(60_000)) {
        throw new AssertionError("segments not stored: " + uploader.lastError());
      }
    }
  }

  /** A whole second a few minutes ago: recordings must lie in the past to be requested. */
  static long minutesAgo(int minutes) {
    return (System.currentTimeMillis() / 1000 - minutes * 60L) * 1000;
  }

  User investigator(String camera) {
    return createUser(unique("penyidik"), EnumSet.of(Role.INVESTIGATOR), false,
        Set.of(id.pantau.web.user.Grant.camera(camera)));
  }

  User supervisor(String camera) {
    return createUser(unique("kanit"), EnumSet.of(Role.SUPERVISOR), false,
        Set.of(id.pantau.web.user.Grant.camera(camera)));
  }

  MockHttpServletResponse fileRequest(User u, List<String> cameras, long fromMs, long toMs, String caseNumber,
      String reason) throws Exception {
    String body = JSON.writeValueAsString(java.util.Map.of("cameras", cameras,
        "from", Instant.ofEpochMilli(fromMs).toString(), "to", Instant.ofEpochMilli(toMs).toString(),
        "caseNumber", caseNumber, "reason", reason));
    return mvc.perform(post("/api/evidence/requests").with(as(u)).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
  }

  long filed(User u, String camera, long fromMs, long toMs) throws Exception {
    MockHttpServletResponse r = fileRequest(u, List.of(camera), fromMs, toMs, "LP/B/" + unique("case") + "/XI/2026",
        "pencurian sepeda motor di gerbang utama");
    if (r.getStatus() != 201) {
      throw new AssertionError("filing failed: " + r.getStatus() + " " + r.getContentAsString());
    }
    return json(r).get("id").asLong();
  }

  MockHttpServletResponse decide(User u, long id, Boolean approve, String note) throws Exception {
    java.util.Map<String, Object> body = new java.util.HashMap<>();
    body.put("approve", approve);
    body.put("note", note);
    return mvc.perform(post("/api/evidence/requests/" + id + "/decision").with(as(u)).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn().getResponse();
  }

  MockHttpServletResponse link(User u, long id) throws Exception {
    return mvc.perform(post("/api/evidence/requests/" + id + "/link").with(as(u)).with(csrf())).andReturn()
        .getResponse();
  }

  /** Fetches a download link; the package streams asynchronously, so the async part is dispatched too. */
  MockHttpServletResponse download(User u, String url) throws Exception {
    MvcResult started = mvc.perform(get(url).with(as(u))).andReturn();
    if (!started.getRequest().isAsyncStarted()) {
      return started.getResponse();
    }
    return mvc.perform(asyncDispatch(started)).andReturn().getResponse();
  }

  /** Waits until the request reaches the status (builds run in the background). */
  EvidenceRequest await(long id, Status status) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    EvidenceRequest r = requests.find(id).orElseThrow();
    while (r.status() != status && System.nanoTime() < deadline) {
      if (r.status() == Status.FAILED && status != Status.FAILED) {
        throw new AssertionError("build failed: " + r.failure());
      }
      Thread.sleep(100);
      r = requests.find(id).orElseThrow();
    }
    if (r.status() != status) {
      throw new AssertionError("request " + id + " is " + r.status() + ", not " + status);
    }
    return r;
  }

  static JsonNode json(MockHttpServletResponse r) throws Exception {
    return JSON.readTree(r.getContentAsString());
  }
}
