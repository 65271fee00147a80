package id.pantau.web.playback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pantau.storage.index.SegmentRow;
import id.pantau.web.audit.AuditContext;
import id.pantau.web.user.Role;
import id.pantau.web.user.User;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Seek-to-first-frame latency over a synthetic index of many cameras and days (bench/playback runs it; surefire
 * runs it only when named). One seek is what the page does for a time it has not loaded: the seek API, the hour's
 * playlist, then the ranged reads of the init section and of the keyframe fragment holding the first frame, timed
 * until the last byte arrives. Baselines in the same run, interleaved seek by seek: the same seek on the small
 * index of the recorded test camera, and the same two ranged reads straight from the object store (no index, no
 * HTTP). Every synthetic row copies a real 60 s segment's metadata; the object behind each row a seek will touch
 * is stored (outside the timing), so the bytes read are real fMP4.
 */
@TestPropertySource(properties = "vms.recorder.retention-interval=PT1000H")
class PlaybackSeekBench extends PlaybackTestBase {
  /** RecordingLifecycle's initial delay (a minute) plus room for a slow start-up and the pass itself. */
  static final long RETENTION_FIRST_PASS_MS = 150_000;
  static final long DAY_MS = 86_400_000L;
  static final long BASE_MS = Instant.parse("2026-09-01T00:00:00Z").toEpochMilli();

  final int cameras = Integer.getInteger("bench.cameras", 20);
  final int days = Integer.getInteger("bench.days", 30);
  final int seeks = Integer.getInteger("bench.seeks", 200);
  final int warmup = Integer.getInteger("bench.warmup", 30);
  final Path out = Path.of(System.getProperty("bench.out", "target/playback-seek-bench.txt"));
  final ObjectMapper json = new ObjectMapper();
  @Autowired ApplicationContext context;

  @Test
  void seekToFirstFrame() throws Exception {
    SegmentRow template = segments().stream().filter(s -> s.endWallMs() - s.startWallMs() >= 59_000).findFirst()
        .orElseThrow();
    long segmentMs = template.endWallMs() - template.startWallMs();
    long perCamera = days * DAY_MS / segmentMs;
    awaitFirstRetentionPass();
    long buildStart = System.nanoTime();
    buildIndex(template, segmentMs, perCamera);
    long buildMs = (System.nanoTime() - buildStart) / 1_000_000;
    long rows = index.jdbc().queryForObject("select count(*) from segment", Long.class);

    User viewer = createUser(unique("bench-viewer"), EnumSet.of(Role.INVESTIGATOR), true, Set.of());
    String benchToken = tokens.create(viewer.id(), viewer.username(), "seek bench", AuditContext.SYSTEM).token();
    Path object = Files.createTempFile("segment", ".mp4");
    try (InputStream in = store.get(template.objectKey())) {
      Files.copy(in, object, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    Random random = new Random(42);
    List<Long> big = new ArrayList<>();
    List<Long> small = new ArrayList<>();
    List<Long> direct = new ArrayList<>();
    List<Long> seekApi = new ArrayList<>();
    for (int i = 0; i < warmup + seeks; i++) {
      String camera = benchCamera(random.nextInt(cameras));
      long n = (long) (random.nextDouble() * perCamera);
      long at = BASE_MS + n * segmentMs + (long) (random.nextDouble() * segmentMs);
      store.put(benchKey(camera, n), object, template.sha256(), Map.of());
      long smallAt = T0 + (long) (random.nextDouble() * (RUN_A_END - T0));

      Seek s = seek(camera, at, benchToken);
      Seek b = seek(camera(), smallAt, benchToken);
      long d = directRead(s);
      if (i % 25 == 0) {
        System.out.println(Instant.now() + " bench: seek " + i + " of " + (warmup + seeks));
      }
      if (i >= warmup) {
        big.add(s.firstFrameNs);
        seekApi.add(s.seekApiNs);
        small.add(b.firstFrameNs);
        direct.add(d);
      }
      assertThat(at).isBetween(s.fragmentStartMs, s.fragmentEndMs);
    }
    String report = String.format("synthetic index: %d cameras x %d days x %d s segments = %d segment rows"
            + " (built in %.1f s)%n", cameras, days, segmentMs / 1000, rows, buildMs / 1000.0)
        + line("seek to first frame, large index", big)
        + line("  of which the seek API call", seekApi)
        + line("seek to first frame, small index (baseline)", small)
        + line("same ranged reads from the object store (floor)", direct);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report);
    System.out.print(report);
    assertThat(rows).isGreaterThanOrEqualTo(cameras * perCamera);
  }

  /**
   * Retention reads every segment row in one list, which millions of rows would not survive; its first pass runs
   * a minute after start-up and the bench's interval puts the next one out of reach, so build after the first.
   */
  private void awaitFirstRetentionPass() throws InterruptedException {
    long after = context.getStartupDate() + RETENTION_FIRST_PASS_MS;
    while (System.currentTimeMillis() < after) {
      Thread.sleep(1000);
    }
  }

  record Seek(long firstFrameNs, long seekApiNs, long fragmentStartMs, long fragmentEndMs, String objectKey, long initLength,
      long mediaOffset, long mediaLength) {}

  private Seek seek(String camera, long atMs, String bearer) throws Exception {
    String base = "/api/playback/cameras/" + camera;
    long t0 = System.nanoTime();
    JsonNode view = json.readTree(getOk(base + "/seek?at=" + iso(atMs), bearer));
    long t1 = System.nanoTime();
    long hour = atMs / 3_600_000L * 3_600_000L;
    getOk(base + "/playlist.m3u8?from=" + iso(hour) + "&to=" + iso(hour + 65 * 60_000L), bearer);
    String media = base + "/" + view.get("mediaUri").asText();
    long initLength = view.get("init").get("length").asLong();
    long offset = view.get("media").get("offset").asLong();
    // from the keyframe fragment to the fragment holding the instant: what decoding the first frame needs
    long length = view.get("media").get("length").asLong();
    byte[] init = getOk(media, bearer, "Range", "bytes=0-" + (initLength - 1));
    byte[] frame = getOk(media, bearer, "Range", "bytes=" + offset + "-" + (offset + length - 1));
    long t2 = System.nanoTime();
    assertThat(init).hasSize((int) initLength);
    assertThat(frame).hasSize((int) length);
    long segmentId = view.get("segmentId").asLong();
    String key = index.jdbc().queryForObject("select object_key from segment where id = ?", String.class, segmentId);
    return new Seek(t2 - t0, t1 - t0, Instant.parse(view.get("fragment").get("start").asText()).toEpochMilli(),
        Instant.parse(view.get("fragment").get("end").asText()).toEpochMilli(), key, initLength, offset, length);
  }

  private long directRead(Seek s) throws Exception {
    long t0 = System.nanoTime();
    try (InputStream init = store.getRange(s.objectKey, 0, s.initLength);
        InputStream frame = store.getRange(s.objectKey, s.mediaOffset, s.mediaLength)) {
      init.readAllBytes();
      frame.readAllBytes();
    }
    return System.nanoTime() - t0;
  }

  private byte[] getOk(String path, String bearer, String... headers) throws Exception {
    HttpResponse<byte[]> r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
        .header("Authorization", "Bearer " + bearer).headers(headers.length == 0 ? new String[] {"Accept", "*/*"}
            : headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isIn(200, 206);
    return r.body();
  }

  /** Cameras, one run per camera-day and the segment rows, generated inside H2 (a JDBC batch would take hours). */
  private void buildIndex(SegmentRow t, long segmentMs, long perCamera) {
    var jdbc = index.jdbc();
    String fragments = jdbc.queryForObject("select fragment_index from segment where id = ?", String.class, t.id());
    long perDay = DAY_MS / segmentMs;
    for (int c = 0; c < cameras; c++) {
      String camera = benchCamera(c);
      jdbc.update("insert into camera (id, name, main_url, retention_days, updated_wall_ms) values (?, ?, ?, ?, ?)",
          camera, "Bench " + c, "rtsp://127.0.0.1:1/" + camera, KEEP_DAYS, BASE_MS);
      jdbc.update("insert into recording_run (run_uuid, camera_id, stream, start_wall_ms, end_wall_ms, codec,"
          + " width, height, start_reason) select random_uuid(), ?, 'main', ? + x * ?, ? + (x + 1) * ?, 'H264', 640,"
          + " 360, 'FIRST' from system_range(0, ?)", camera, BASE_MS, DAY_MS, BASE_MS, DAY_MS, days - 1);
      if (c % 10 == 0) {
        System.out.println(Instant.now() + " bench: building camera " + c + " of " + cameras);
      }
      long firstRun = jdbc.queryForObject("select min(id) from recording_run where camera_id = ?", Long.class,
          camera);
      jdbc.update("insert into segment (camera_id, run_id, stream, start_wall_ms, end_wall_ms, media_start_90k,"
          + " media_duration_90k, frame_count, bytes, sha256, object_key, fragment_index, has_motion)"
          + " select ?, ? + x / ?, 'main', ? + x * ?, ? + x * ? + ?, mod(x, ?) * ?, ?, ?, ?, ?, ? || x, ?,"
          + " mod(x, 17) = 0 from system_range(0, ?)",
          camera, firstRun, perDay, BASE_MS, segmentMs, BASE_MS, segmentMs, segmentMs, perDay,
          segmentMs * 90, t.mediaDuration90k(), t.frameCount(), t.bytes(), t.sha256(), "bench/" + camera + "/", fragments, perCamera - 1);
    }
  }

  private static String benchCamera(int c) {
    return String.format("bench-%03d", c);
  }

  private static String benchKey(String camera, long n) {
    return "bench/" + camera + "/" + n;
  }

  private static String line(String what, List<Long> ns) {
    List<Long> sorted = new ArrayList<>(ns);
    Collections.sort(sorted);
    return String.format("%-50s n=%d  p50 %.1f ms  p95 %.1f ms  max %.1f ms%n", what, sorted.size(),
        pct(sorted, 50), pct(sorted, 95), sorted.get(sorted.size() - 1) / 1e6);
  }

  private static double pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, i)) / 1e6;
  }
}
