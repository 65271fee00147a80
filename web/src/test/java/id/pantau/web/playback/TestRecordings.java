package id.pantau.web.playback;

import id.pantau.recorder.segment.ClosedSegment;
import id.pantau.recorder.segment.FragmentPolicy;
import id.pantau.recorder.segment.OpenSegment;
import id.pantau.recorder.segment.RunInfo;
import id.pantau.recorder.segment.RunStartReason;
import id.pantau.recorder.segment.Sample;
import id.pantau.recorder.segment.SpoolFiles;
import id.pantau.recorder.segment.SpoolLayout;
import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.segment.VideoFormat;
import id.pantau.recorder.upload.SegmentUploader;
import id.pantau.recorder.virtualcam.TestMedia;
import id.pantau.recorder.virtualcam.media.AccessUnit;
import id.pantau.recorder.virtualcam.media.AnnexBReader;
import id.pantau.recorder.virtualcam.media.Clip;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.s3.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Past recordings for tests, made the way the recorder makes them: the virtual cameras' H.264 clip (25 fps, a
 * keyframe every 2 s) written into fMP4 segments by the recorder's writer with its fragment policy, then stored
 * by the recorder's uploader into the real object store and index. Much faster than real time.
 */
final class TestRecordings implements AutoCloseable {
  static final Path MEDIA_DIR = Path.of("target/test-media");

  private final Clip clip;
  private final VideoFormat format;
  private final SegmentUploader uploader;
  private final Path spool;

  TestRecordings(ObjectStore store, SegmentIndex index, Path spool) throws IOException {
    this.clip = AnnexBReader.readFile(TestMedia.ensure(MEDIA_DIR, TestMedia.Kind.SUB_H264), TestMedia.FRAME_RATE);
    this.format = new VideoFormat(VideoCodec.H264, TestMedia.Kind.SUB_H264.width(),
        TestMedia.Kind.SUB_H264.height(), clip.parameterSetsAnnexB());
    this.uploader = new SegmentUploader(store, index, 1, attempt -> 200);
    this.spool = spool;
  }

  int frameRate() {
    return clip.frameRate();
  }

  /** One run of {@code seconds} from {@code startWallMs}, cut into segments of about {@code segmentSeconds}. */
  void record(String cameraId, long startWallMs, int seconds, int segmentSeconds) throws IOException {
    RunInfo run = new RunInfo(UUID.randomUUID(), cameraId, "main", startWallMs, VideoCodec.H264, format.width(),
        format.height(), RunStartReason.FIRST);
    uploader.runStarted(run);
    long frame90k = clip.frameDuration90k();
    long segmentTarget90k = segmentSeconds * 90_000L;
    int frames = seconds * clip.frameRate();
    OpenSegment open = null;
    long segmentStart90k = 0;
    for (int n = 0; n < frames; n++) {
      AccessUnit au = clip.frame(n);
      long dts90k = n * frame90k;
      if (open != null && au.keyframe() && dts90k - segmentStart90k >= segmentTarget90k) {
        uploader.segmentClosed(open.close());
        open = null;
      }
      if (open == null) {
        segmentStart90k = dts90k;
        long wallMs = startWallMs + dts90k / 90;
        open = OpenSegment.create(SpoolFiles.nio(), SpoolLayout.segmentPath(spool, cameraId, "main", wallMs,
            run.runId(), n), run, dts90k, format);
      } else if (FragmentPolicy.DEFAULT.flushBefore(open.writer().openFragmentDuration90k(), frame90k,
          au.keyframe())) {
        open.writer().flushFragment();
      }
      open.writer().write(new Sample(dts90k - segmentStart90k, dts90k - segmentStart90k, frame90k, au.keyframe(),
          au.toAnnexB()));
    }
    if (open != null) {
      ClosedSegment last = open.close();
      uploader.segmentClosed(last);
      uploader.runEnded(run, last.endWallMs());
    }
  }

  /** Waits until every segment is stored and indexed. */
  void drain() throws InterruptedException {
    if (!uploader.drain(60_000)) {
      throw new IllegalStateException("segments not uploaded: " + uploader.lastError());
    }
  }

  @Override
  public void close() {
    uploader.close();
  }

  static Path spoolIn(Path dataDir) throws IOException {
    return Files.createDirectories(dataDir.resolve("test-spool"));
  }
}
