package id.pantau.web.playback;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import id.pantau.storage.index.SegmentRow;
import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditFilter;
import id.pantau.web.audit.AuditRecord;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.user.Grant;
import id.pantau.web.user.Role;
import id.pantau.web.user.User;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Byte ranges, parameter checks, permissions, the timeline and the once-per-window audit. */
class PlaybackApiTest extends PlaybackTestBase {
  @Autowired AuditTrail audit;

  @Test
  void wholeObjectAndRangesMatchTheStoredBytes() throws Exception {
    SegmentRow row = segments().get(1);
    String uri = api("/segments/" + row.id() + ".mp4");
    byte[] whole;
    try (InputStream in = store.get(row.objectKey())) {
      whole = in.readAllBytes();
    }
    HttpResponse<byte[]> full = get(uri);
    assertThat(full.statusCode()).isEqualTo(200);
    assertThat(full.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    assertThat(full.headers().firstValue("Content-Type")).hasValue("video/mp4");
    assertThat(full.headers().firstValue("ETag")).hasValue("\"" + row.sha256() + "\"");
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(full.body())))
        .isEqualTo(row.sha256());
    long size = row.bytes();

    assertRange(uri, "bytes=0-99", 0, 99, size, whole);
    assertRange(uri, "bytes=1000-", 1000, size - 1, size, whole);
    assertRange(uri, "bytes=-500", size - 500, size - 1, size, whole);
    assertRange(uri, "bytes=" + (size - 10) + "-" + (size + 5000), size - 10, size - 1, size, whole);
    assertRange(uri, "bytes=-" + (size + 1), 0, size - 1, size, whole);
    assertRange(uri, "bytes=" + (size - 1) + "-" + (size - 1), size - 1, size - 1, size, whole);
  }

  @ParameterizedTest(name = "Range: {0} -> the whole object")
  @CsvSource(delimiter = '|', value = {"bytes=0-9,20-29", "items=0-9", "bytes=9-0", "bytes=abc-", "bytes=-", "bytes"})
  void rangesThisServerDoesNotActOnServeTheWholeObject(String range) throws Exception {
    SegmentRow row = segments().get(0);
    HttpResponse<byte[]> r = get(api("/segments/" + row.id() + ".mp4"), "Range", range);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).hasSize((int) row.bytes());
  }

  @ParameterizedTest(name = "Range: {0} -> 416")
  @CsvSource({"SIZE-", "SIZE-SIZE", "99999999999-", "-0", "99999999999999999999999-"})
  void rangesOutsideTheObjectAre416WithItsSize(String spec) throws Exception {
    SegmentRow row = segments().get(0);
    HttpResponse<byte[]> r = get(api("/segments/" + row.id() + ".mp4"), "Range",
        "bytes=" + spec.replace("SIZE", Long.toString(row.bytes())));
    assertThat(r.statusCode()).isEqualTo(416);
    assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes */" + row.bytes());
    assertThat(JsonPath.parse(new String(r.body())).read("$.field", String.class)).isEqualTo("Range");
  }

  @Test
  void anIfRangeForAnotherVersionGetsTheWholeObject() throws Exception {
    SegmentRow row = segments().get(0);
    String uri = api("/segments/" + row.id() + ".mp4");
    assertThat(get(uri, "Range", "bytes=0-9", "If-Range", "\"" + row.sha256() + "\"").statusCode()).isEqualTo(206);
    assertThat(get(uri, "Range", "bytes=0-9", "If-Range", "\"0000\"").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvSource(delimiter = '|', value = {
      "/playlist.m3u8?to=2025-03-10T03:00:00Z | from",
      "/playlist.m3u8?from=2025-03-10T02:00:00Z | to",
      "/playlist.m3u8?from=yesterday&to=2025-03-10T03:00:00Z | from",
      "/playlist.m3u8?from=2025-03-10T03:00:00Z&to=2025-03-10T02:00:00Z | to",
      "/playlist.m3u8?from=2025-03-10T00:00:00Z&to=2025-03-10T07:00:00Z | to",
      "/timeline?from=2025-03-10T00:00:00Z&to=2025-03-10 | to",
      "/seek | at",
      "/seek?at=1741572000000 | at",
      "/segments/abc.mp4 | segmentId",
      "/segments/-4.mp4 | segmentId"})
  void badParametersAreProblemDetailsNamingTheField(String pathAndQuery, String field) throws Exception {
    MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get(api(pathAndQuery)).with(as(investigator())))
        .andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContentType()).isEqualTo("application/problem+json");
    assertThat(JsonPath.parse(r.getContentAsString()).read("$.field", String.class)).isEqualTo(field);
  }

  @Test
  void dayBoundsFollowTheTimeZoneAndBadOnesNameTheField() throws Exception {
    DocumentContext wib = json("/api/playback/day?date=2025-03-10&zone=Asia/Jakarta", 200);
    assertThat(wib.read("$.fromMs", Long.class)).isEqualTo(java.time.Instant.parse("2025-03-09T17:00:00Z")
        .toEpochMilli());
    assertThat(wib.read("$.toMs", Long.class) - wib.read("$.fromMs", Long.class)).isEqualTo(86_400_000L);
    DocumentContext dst = json("/api/playback/day?date=2025-03-30&zone=Europe/Amsterdam", 200);
    assertThat(dst.read("$.toMs", Long.class) - dst.read("$.fromMs", Long.class)).isEqualTo(23 * 3_600_000L);
    assertThat(json("/api/playback/day?date=10-03-2025", 400).read("$.field", String.class)).isEqualTo("date");
    assertThat(json("/api/playback/day?date=2025-03-10&zone=Mars/Olympus", 400).read("$.field", String.class))
        .isEqualTo("zone");
  }

  @Test
  void timelineShowsRunsGapsAndMotion() throws Exception {
    DocumentContext t = json(api("/timeline?from=" + iso(T0 - 60_000) + "&to=" + iso(T0 + 3_600_000)), 200);
    assertThat(t.read("$.recorded[*].startMs", Long[].class)).containsExactly(T0, RUN_B_START);
    assertThat(t.read("$.recorded[*].endMs", Long[].class)).containsExactly(RUN_A_END, RUN_B_END);
    assertThat(t.read("$.recorded[0].fps", Double.class)).isEqualTo(25.0);
    assertThat(t.read("$.gaps[*].startMs", Long[].class)).containsExactly(T0 - 60_000, RUN_A_END, RUN_B_END);
    assertThat(t.read("$.motion[*].startMs", Long[].class)).containsExactly(T0 + 60_000);
    assertThat(t.read("$.motion[*].endMs", Long[].class)).containsExactly(T0 + 120_000);
  }

  @Test
  void otherUsersCamerasAndUsersWithoutPlaybackGet404Everywhere() throws Exception {
    SegmentRow row = segments().get(0);
    User stranger = createUser(unique("stranger"), EnumSet.of(Role.INVESTIGATOR), false, Set.of());
    User operator = createUser(unique("operator"), EnumSet.of(Role.OPERATOR), false, Set.of(Grant.camera(camera())));
    User admin = createUser(unique("admin"), EnumSet.of(Role.ADMIN), true, Set.of());
    List<String> paths = List.of("/playlist.m3u8?from=" + iso(T0) + "&to=" + iso(T0 + 60_000),
        "/segments/" + row.id() + ".mp4", "/seek?at=" + iso(T0), "/timeline?from=" + iso(T0) + "&to=" + iso(RUN_B_END),
        // even a malformed request answers 404 first: nobody learns the camera exists
        "/seek?at=garbage", "/segments/abc.mp4");
    for (User u : List.of(stranger, operator, admin)) {
      for (String p : paths) {
        assertThat(mvc.perform(MockMvcRequestBuilders.get(api(p)).with(as(u))).andReturn().getResponse()
            .getStatus()).as("%s %s", u.username(), p).isEqualTo(404);
      }
    }
    // a segment id of another camera is not found through this one
    String other = unique("other-cam");
    createCamera(other, null);
    User both = createUser(unique("both"), EnumSet.of(Role.INVESTIGATOR), false,
        Set.of(Grant.camera(camera()), Grant.camera(other)));
    assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/playback/cameras/" + other + "/segments/" + row.id()
        + ".mp4").with(as(both))).andReturn().getResponse().getStatus()).isEqualTo(404);
  }

  @Test
  void playbackIsAuditedOncePerWindowNotPerFragment() throws Exception {
    User viewer = createUser(unique("viewer"), EnumSet.of(Role.INVESTIGATOR), false, Set.of(Grant.camera(camera())));
    String playlist = api("/playlist.m3u8?from=" + iso(T0) + "&to=" + iso(T0 + 3_600_000));
    // one browser session: the player's requests share it
    MockHttpSession session = new MockHttpSession();
    for (int i = 0; i < 3; i++) {
      assertThat(mvc.perform(MockMvcRequestBuilders.get(playlist).session(session).with(as(viewer))).andReturn()
          .getResponse().getStatus()).isEqualTo(200);
    }
    for (SegmentRow row : segments()) {
      for (int i = 0; i < 5; i++) {
        assertThat(mvc.perform(MockMvcRequestBuilders.get(api("/segments/" + row.id() + ".mp4"))
            .header("Range", "bytes=" + i * 100 + "-" + (i * 100 + 99)).session(session).with(as(viewer))).andReturn()
            .getResponse()
            .getStatus()).isEqualTo(206);
      }
    }
    List<AuditRecord> events = audit.find(new AuditFilter(viewer.username(), AuditAction.PLAYBACK, camera(), null,
        null), 0, 100);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).fromMs()).isEqualTo(T0);
    assertThat(events.get(0).toMs()).isEqualTo(T0 + 3_600_000);
    assertThat(events.get(0).details()).isEqualTo("hls window");

    // without a playlist, fetching segments directly is audited once per hour of recordings too
    MockHttpSession direct = new MockHttpSession();
    for (SegmentRow row : segments()) {
      mvc.perform(MockMvcRequestBuilders.get(api("/segments/" + row.id() + ".mp4")).session(direct).with(as(viewer)));
    }
    List<AuditRecord> after = audit.find(new AuditFilter(viewer.username(), AuditAction.PLAYBACK, camera(), null,
        null), 0, 100);
    assertThat(after).hasSize(2);
    assertThat(after.get(0).details()).isEqualTo("segment");
  }

  void assertRange(String uri, String range, long first, long last, long size, byte[] whole) throws Exception {
    HttpResponse<byte[]> r = get(uri, "Range", range);
    assertThat(r.statusCode()).as(range).isEqualTo(206);
    assertThat(r.headers().firstValue("Content-Range")).as(range).hasValue("bytes " + first + "-" + last + "/" + size);
    assertThat(r.headers().firstValueAsLong("Content-Length")).as(range).hasValue(last - first + 1);
    assertThat(r.body()).as(range).isEqualTo(Arrays.copyOfRange(whole, (int) first, (int) last + 1));
  }

  DocumentContext json(String path, int status) throws Exception {
    MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get(path).with(as(investigator()))).andReturn()
        .getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
    return JsonPath.parse(r.getContentAsString());
  }
}
