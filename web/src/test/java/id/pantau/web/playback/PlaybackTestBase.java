package id.pantau.web.playback;

import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.index.SegmentRow;
import id.pantau.storage.s3.ObjectStore;
import id.pantau.web.PantauWebTest;
import id.pantau.web.audit.AuditContext;
import id.pantau.web.security.ApiTokens;
import id.pantau.web.user.Grant;
import id.pantau.web.user.Role;
import id.pantau.web.user.User;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A camera with two recorded runs in the past, made by {@link TestRecordings}: run A of 150 s from {@link #T0}
 * (segments of 60, 60 and 30 s, the second flagged with motion), a 30 s gap, run B of 60 s. An investigator may
 * play it back, by session (MockMvc) or by API token (HTTP, for FFmpeg).
 */
abstract class PlaybackTestBase extends PantauWebTest {
  static final long T0 = Instant.parse("2025-03-10T02:00:00Z").toEpochMilli();
  static final long RUN_A_END = T0 + 150_000;
  static final long RUN_B_START = T0 + 180_000;
  static final long RUN_B_END = T0 + 240_000;
  static final int KEEP_DAYS = 3650;

  private static String cameraId;
  private static User investigator;
  private static String token;

  @Autowired ObjectStore store;
  @Autowired SegmentIndex index;
  @Autowired ApiTokens tokens;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void recordOnce() throws Exception {
    if (cameraId != null) {
      return;
    }
    String id = unique("playback-cam");
    createPastCamera(id);
    try (TestRecordings rec = new TestRecordings(store, index, TestRecordings.spoolIn(dataDir))) {
      rec.record(id, T0, 150, 60);
      rec.record(id, RUN_B_START, 60, 60);
      rec.drain();
    }
    SegmentRow second = index.segments(id, "main", T0 + 60_000, T0 + 60_001).get(0);
    index.jdbc().update("update segment set has_motion = true where id = ?", second.id());
    investigator = createUser(unique("investigator"), EnumSet.of(Role.INVESTIGATOR), false, Set.of(Grant.camera(id)));
    token = tokens.create(investigator.id(), investigator.username(), "playback test", AuditContext.SYSTEM).token();
    cameraId = id;
  }

  /** A camera whose recordings from 2025 outlive the retention passes of a long test run. */
  void createPastCamera(String id) {
    createCamera(id, null);
    index.jdbc().update("update camera set retention_days = ? where id = ?", KEEP_DAYS, id);
  }

  String camera() {
    return cameraId;
  }

  User investigator() {
    return investigator;
  }

  String token() {
    return token;
  }

  List<SegmentRow> segments() {
    return index.segments(cameraId, "main", 0, Long.MAX_VALUE);
  }

  String api(String path) {
    return "/api/playback/cameras/" + cameraId + path;
  }

  /** GET through the running server with the investigator's token, as FFmpeg or a script would. */
  HttpResponse<byte[]> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
        .header("Authorization", "Bearer " + token);
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String iso(long epochMs) {
    return Instant.ofEpochMilli(epochMs).toString();
  }
}
