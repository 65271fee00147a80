package id.pantau.recorder.node;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.testing.Ffprobe;
import id.pantau.recorder.upload.SegmentUploader;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.index.IndexDatabase;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.index.SegmentRow;
import id.pantau.storage.s3.EmbeddedS3;
import id.pantau.storage.s3.MinioObjectStore;
import id.pantau.storage.secret.SecretCipher;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/** The real parts of a recorder node for tests: embedded S3, H2 index, repositories. */
final class PipelineFixture implements AutoCloseable {
  static final long FRAME_90K = 90_000 / 25;

  final Path dataDir;
  final EmbeddedS3 s3;
  final MinioObjectStore store;
  final IndexDatabase db;
  final SegmentIndex index;
  final CameraRepository cameras;

  PipelineFixture(Path dataDir) {
    this.dataDir = dataDir;
    this.s3 = new EmbeddedS3(dataDir, 0).start();
    this.store = new MinioObjectStore(s3.settings("segments"));
    store.ensureBucket();
    this.db = IndexDatabase.openFile(dataDir);
    this.index = new SegmentIndex(db.dataSource());
    this.cameras = new CameraRepository(db.dataSource(), SecretCipher.load(null, dataDir.resolve("secret.key")),
        Clock.systemUTC());
  }

  Camera camera(String id, String url) {
    return cameras.save(new Camera(id, null, null, null, url, null, null, null, null, true, 7, null));
  }

  SegmentUploader uploader(long maxRetryDelayMs) {
    return new SegmentUploader(store, index, 2, n -> Math.min(maxRetryDelayMs, 250L << Math.min(n, 6)));
  }

  List<SegmentRow> segments(String cameraId) {
    return index.segments(cameraId, "main", 0, Long.MAX_VALUE);
  }

  /**
   * Downloads a segment and checks it against its row with ffprobe: size, SHA-256, codec, keyframe first,
   * frame count, and a media duration of exactly frame count x frame duration.
   */
  void assertObjectMatchesRow(SegmentRow row, Path scratch) throws Exception {
    Path file = scratch.resolve(row.id() + ".mp4");
    try (InputStream in = store.get(row.objectKey())) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(Files.size(file)).as("object size").isEqualTo(row.bytes());
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))))
        .as("object sha256").isEqualTo(row.sha256());
    assertThat(Ffprobe.stream(file).codecName()).isEqualTo("h264");
    List<Ffprobe.Packet> packets = Ffprobe.packets(file);
    assertThat(packets).as("frames in %s", row.objectKey()).hasSize(row.frameCount());
    assertThat(packets.get(0).keyframe()).as("keyframe first in %s", row.objectKey()).isTrue();
    assertThat(row.mediaDuration90k()).as("media duration of %s", row.objectKey())
        .isEqualTo(row.frameCount() * FRAME_90K);
  }

  /** Consecutive segments of a run join exactly: no frame is missing between them. */
  static void assertRunsContiguous(List<SegmentRow> segments) {
    for (int i = 1; i < segments.size(); i++) {
      SegmentRow prev = segments.get(i - 1);
      SegmentRow next = segments.get(i);
      if (prev.runId() == next.runId()) {
        assertThat(next.mediaStart90k()).as("segment %d follows %d with no missing frame", next.id(), prev.id())
            .isEqualTo(prev.mediaStart90k() + prev.mediaDuration90k());
        assertThat(next.startWallMs()).as("wall time continues from media time").isEqualTo(prev.endWallMs());
      }
    }
  }

  @Override
  public void close() {
    store.close();
    db.close();
    s3.close();
  }
}
