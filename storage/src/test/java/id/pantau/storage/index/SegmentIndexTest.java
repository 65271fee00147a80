package id.pantau.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.camera.InvalidCameraException;
import id.pantau.storage.camera.Transport;
import id.pantau.storage.secret.SecretCipher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentIndexTest {
  @TempDir Path dir;
  JdbcDataSource ds;
  CameraRepository cameras;
  SegmentIndex index;

  @BeforeEach
  void migrate() {
    ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve("index") + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(ds).load().migrate();
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T03:00:00Z"), ZoneOffset.UTC);
    cameras = new CameraRepository(ds, SecretCipher.load(null, dir.resolve("secret.key")), clock);
    index = new SegmentIndex(ds);
  }

  @Test
  void camerasRoundTripWithPasswordSealedAtRest() {
    cameras.save(new Camera("gate-1", "Gerbang", "balai-kota", "fo-01", "rtsp://10.1.0.5/main", "rtsp://10.1.0.5/sub",
        "admin", "s3cret!", Transport.UDP, true, 14, null));
    Camera back = cameras.find("gate-1").orElseThrow();
    assertThat(back.password()).isEqualTo("s3cret!");
    assertThat(back.transport()).isEqualTo(Transport.UDP);
    assertThat(back.retentionDays()).isEqualTo(14);
    assertThat(back.siteId()).isEqualTo("balai-kota");
    String stored = index.jdbc().queryForObject("select password_enc from camera where id='gate-1'", String.class);
    assertThat(stored).startsWith("v1:").doesNotContain("s3cret!");

    cameras.save(back.withPassword(null));
    assertThat(cameras.find("gate-1").orElseThrow().hasPassword()).isFalse();
    assertThat(cameras.count()).isEqualTo(1);
  }

  @Test
  void invalidCameraIsRejectedAndNothingIsStored() {
    assertThatThrownBy(() -> cameras.save(new Camera("x", null, null, null, "file:///etc/passwd", null, null, null,
        null, true, 0, null))).isInstanceOf(InvalidCameraException.class).hasMessageContaining("file:");
    assertThat(cameras.count()).isZero();
  }

  @Test
  void segmentsAndRunsAreQueriedByTimeWindow() {
    cameras.save(new Camera("c1", null, null, null, "rtsp://10.0.0.1/a", null, null, null, null, true, 0, null));
    java.util.UUID uuid = java.util.UUID.randomUUID();
    long run = index.insertRun(uuid, "c1", "main", 1_000_000, "h264", 1280, 720, "FIRST");
    for (int i = 0; i < 3; i++) {
      long start = 1_000_000 + i * 60_000L;
      String key = ObjectKeys.segment("c1", "main", start, run);
      assertThat(index.insertSegment(new SegmentRow(0, "c1", run, "main", start, start + 60_000, i * 5_400_000L,
          5_400_000, 1500, 1_000_000, "ab".repeat(32), key, "AAAA", false))).isTrue();
    }
    String dup = ObjectKeys.segment("c1", "main", 1_000_000, run);
    assertThat(index.insertSegment(new SegmentRow(0, "c1", run, "main", 1_000_000, 1_060_000, 0, 5_400_000, 1500, 1,
        "ab".repeat(32), dup, "AAAA", false))).as("same object indexed twice").isFalse();

    assertThat(index.insertRun(uuid, "c1", "main", 1_000_000, "h264", 1280, 720, "FIRST")).isEqualTo(run);
    assertThat(index.segments("c1", "main", 1_030_000, 1_090_000)).hasSize(2);
    assertThat(index.segments("c1", "main", 0, 999_999)).isEmpty();
    assertThat(index.runs("c1", "main", 0, 2_000_000)).singleElement()
        .satisfies(r -> assertThat(r.endWallMs()).isEqualTo(1_180_000L));
    assertThat(index.totalBytes()).isEqualTo(3_000_000);
    assertThat(dup).isEqualTo("segments/c1/main/1970/01/01/00/1000000-" + run + ".mp4");
  }

  @Test
  void cameraIsDeletedWithItsEmptyRunsButNotWhileAnythingStillReferencesIt() {
    cameras.save(new Camera("d1", null, null, null, "rtsp://10.0.0.1/d", null, null, null, null, true, 0, null));
    long run = index.insertRun(java.util.UUID.randomUUID(), "d1", "main", 1_000_000, "h264", 1280, 720, "FIRST");
    String key = ObjectKeys.segment("d1", "main", 1_000_000, run);
    index.insertSegment(new SegmentRow(0, "d1", run, "main", 1_000_000, 1_060_000, 0, 5_400_000, 1500, 1,
        "ab".repeat(32), key, "AAAA", false));

    assertThatThrownBy(() -> cameras.delete("d1")).isInstanceOf(id.pantau.storage.camera.CameraInUseException.class)
        .hasMessage("camera d1 has 1 recorded segments");
    // retention: index row -> garbage row; the object is not deleted yet
    index.jdbc().update("insert into garbage (object_key, camera_id, queued_wall_ms) values (?, 'd1', 0)", key);
    index.jdbc().update("delete from segment where object_key = ?", key);
    assertThatThrownBy(() -> cameras.delete("d1")).hasMessage("camera d1 has 1 segment objects still being deleted");
    index.jdbc().update("delete from garbage where object_key = ?", key);
    index.jdbc().update("insert into evidence_hold (camera_id, start_wall_ms, end_wall_ms, created_by,"
        + " created_wall_ms, released_wall_ms) values ('d1', 0, 1, 'sup', 0, 1)");
    assertThatThrownBy(() -> cameras.delete("d1")).hasMessage("camera d1 has 1 evidence holds on record");
    index.jdbc().update("delete from evidence_hold where camera_id = 'd1'");

    assertThat(cameras.delete("d1")).isTrue();
    assertThat(cameras.find("d1")).isEmpty();
    assertThat(index.jdbc().queryForObject("select count(*) from recording_run where camera_id = 'd1'", Long.class))
        .isZero();
    assertThat(cameras.delete("d1")).isFalse();
  }
}
