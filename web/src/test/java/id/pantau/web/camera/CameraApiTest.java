package id.pantau.web.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pantau.storage.index.ObjectKeys;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.index.SegmentRow;
import id.pantau.web.PantauWebTest;
import id.pantau.web.user.Role;
import id.pantau.web.user.User;
import id.pantau.web.user.UserRepository;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The camera REST API: validation with named errors, write-only passwords, roles, and the timeline. */
class CameraApiTest extends PantauWebTest {
  @Autowired SegmentIndex index;
  @Autowired UserRepository users;

  User admin() {
    return users.findByUsername("admin").orElseThrow();
  }

  @Test
  void hostileOrMalformedCamerasAreRejectedWithTheFieldNamed() throws Exception {
    String body = "{\"id\":\"%s\",\"mainUrl\":\"%s\"}";
    mvc.perform(post("/api/cameras").with(as(admin())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content(body.formatted(unique("bad"), "file:///etc/passwd")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("mainUrl"))
        .andExpect(jsonPath("$.detail").value("mainUrl: only rtsp:// and rtsps:// URLs are accepted, not file:"));
    mvc.perform(post("/api/cameras").with(as(admin())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content(body.formatted("../etc", "rtsp://127.0.0.1/a")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("id"));
    mvc.perform(post("/api/cameras").with(as(admin())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{not json")).andExpect(status().isBadRequest());
  }

  @Test
  void passwordsAreWriteOnlyAndOnlyAdminsChangeThem() throws Exception {
    String id = unique("gate");
    mvc.perform(post("/api/cameras").with(as(admin())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"id\":\"" + id + "\",\"mainUrl\":\"rtsp://127.0.0.1:9/a\",\"username\":\"cam\","
                + "\"password\":\"s3cret-kamera\",\"enabled\":false}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.hasPassword").value(true))
        .andExpect(jsonPath("$.password").doesNotExist());
    String listed = mvc.perform(get("/api/cameras").with(as(admin()))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(listed).contains(id).doesNotContain("s3cret-kamera");
    assertThat(cameras.find(id).orElseThrow().password()).isEqualTo("s3cret-kamera");

    User tech = createUser(unique("tech"), Set.of(Role.TECHNICIAN), true, Set.of());
    mvc.perform(put("/api/cameras/" + id).with(as(tech)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"mainUrl\":\"rtsp://127.0.0.1:9/a\",\"username\":\"cam\",\"password\":\"other\","
                + "\"enabled\":false}"))
        .andExpect(status().isForbidden());
    mvc.perform(put("/api/cameras/" + id).with(as(tech)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"Gerbang utara\",\"mainUrl\":\"rtsp://127.0.0.1:9/b\",\"username\":\"cam\","
                + "\"enabled\":false}"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.hasPassword").value(true));
    assertThat(cameras.find(id).orElseThrow().password()).as("null password keeps it").isEqualTo("s3cret-kamera");

    mvc.perform(delete("/api/cameras/" + id).with(as(tech)).with(csrf())).andExpect(status().isForbidden());
    mvc.perform(delete("/api/cameras/" + id).with(as(admin())).with(csrf())).andExpect(status().isNoContent());
    assertThat(cameras.exists(id)).isFalse();
  }

  @Test
  void timelineShowsRunsSegmentsAndGapsAndValidatesTheWindow() throws Exception {
    String id = unique("tl");
    createCamera(id, null);
    long t0 = 1_795_000_000_000L;
    long run = index.insertRun(UUID.randomUUID(), id, "main", t0, "h264", 1280, 720, "FIRST");
    for (long start : new long[] {t0, t0 + 60_000, t0 + 180_000}) {
      index.insertSegment(new SegmentRow(0, id, run, "main", start, start + 60_000, start - t0, 5_400_000, 1500,
          1000, "ab".repeat(32), ObjectKeys.segment(id, "main", start, run), "", false));
    }
    mvc.perform(get("/api/cameras/" + id + "/recordings").with(as(admin()))
            .param("from", "2026-11-18T11:06:40Z").param("to", "2026-11-18T11:11:40Z"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.segments.length()").value(3))
        .andExpect(jsonPath("$.runs.length()").value(1))
        .andExpect(jsonPath("$.gaps.length()").value(2))
        .andExpect(jsonPath("$.gaps[0].start").value("2026-11-18T11:08:40Z"))
        .andExpect(jsonPath("$.gaps[0].seconds").value(60.0))
        .andExpect(jsonPath("$.recordedMs").value(180_000));
    mvc.perform(get("/api/cameras/" + id + "/recordings").with(as(admin())).param("from", "yesterday")
            .param("to", "2026-11-18T11:11:40Z"))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/cameras/" + id + "/recordings").with(as(admin())).param("from", "2026-01-01T00:00:00Z")
        .param("to", "2026-03-01T00:00:00Z")).andExpect(status().isBadRequest());
    mvc.perform(get("/api/cameras/" + id + "/recordings").with(as(admin())).param("from", "2026-03-01T00:00:00Z")
        .param("to", "2026-01-01T00:00:00Z")).andExpect(status().isBadRequest());
    mvc.perform(get("/api/cameras/" + id + "/stats").with(as(admin())))
        .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("NOT_RECORDING"));
  }

  @Test
  void anOperatorWithoutGrantsSeesNoCamera() throws Exception {
    String id = unique("hidden");
    createCamera(id, null);
    User op = createUser(unique("op"), Set.of(Role.OPERATOR), false, Set.of());
    String listed = mvc.perform(get("/api/cameras").with(as(op))).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();
    assertThat(listed).isEqualTo("[]");
    mvc.perform(get("/api/cameras/" + id).with(as(op))).andExpect(status().isNotFound());
    mvc.perform(get("/api/cameras/" + id + "/stats").with(as(op))).andExpect(status().isNotFound());
  }

  @Test
  void deletingACameraWithRecordingsDisablesItAndSaysWhy() throws Exception {
    String id = unique("del");
    createCamera(id, null);
    long run = index.insertRun(UUID.randomUUID(), id, "main", 1_000_000, "h264", 1280, 720, "FIRST");
    index.insertSegment(new SegmentRow(0, id, run, "main", 1_000_000, 1_060_000, 0, 5_400_000, 1500, 1,
        "ab".repeat(32), ObjectKeys.segment(id, "main", 1_000_000, run), "AAAA", false));

    mvc.perform(delete("/api/cameras/" + id).with(as(admin())).with(csrf()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value("camera " + id + " has 1 recorded segments; it was disabled instead"
            + " and can be deleted once retention has removed its recordings"));
    assertThat(cameras.find(id).orElseThrow().enabled()).isFalse();

    index.jdbc().update("delete from segment where camera_id = ?", id);
    mvc.perform(delete("/api/cameras/" + id).with(as(admin())).with(csrf())).andExpect(status().isNoContent());
    assertThat(cameras.find(id)).isEmpty();
  }
}
