package id.pantau.web.recording;

import id.pantau.recorder.ingest.CameraRecorder;
import id.pantau.recorder.ingest.RtspDescribeProbe;
import id.pantau.recorder.live.LiveHub;
import id.pantau.recorder.node.RecorderNode;
import id.pantau.recorder.upload.BoundedSpoolFiles;
import id.pantau.recorder.upload.SegmentUploader;
import id.pantau.recorder.upload.SpoolUsage;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.motion.MotionSettingsRepository;
import id.pantau.storage.retention.EvidenceHolds;
import id.pantau.storage.retention.RetentionJob;
import id.pantau.storage.s3.ObjectStore;
import id.pantau.web.VmsProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The recorder of this node: spool, uploader, camera recorders and retention, wired from {@code vms.recorder.*}. */
@Configuration(proxyBeanMethods = false)
class RecordingConfiguration {
  static final double SPOOL_ALARM_FRACTION = 0.8;

  static Path spoolDir(VmsProperties props) {
    Path configured = props.recorder().spoolDir();
    return configured != null ? configured : props.dataDir().resolve("spool");
  }

  @Bean
  SpoolUsage spoolUsage(VmsProperties props, Clock clock) {
    return new SpoolUsage(spoolDir(props), props.recorder().spoolMaxSize().toBytes(), SPOOL_ALARM_FRACTION, 1000,
        clock::millis);
  }

  @Bean(destroyMethod = "close")
  SegmentUploader segmentUploader(ObjectStore store, SegmentIndex index, VmsProperties props) {
    return new SegmentUploader(store, index, Math.max(1, props.recorder().uploadWorkers()),
        SegmentUploader::defaultRetryDelayMs);
  }

  @Bean(destroyMethod = "close")
  RecorderNode recorderNode(VmsProperties props, SegmentUploader uploader, SpoolUsage usage, Clock clock,
      LiveHub liveHub) {
    VmsProperties.Recorder r = props.recorder();
    return new RecorderNode(
        new RecorderNode.Settings(r.node(), spoolDir(props), Duration.ofSeconds(r.segmentSeconds())), uploader,
        (config, spool) -> new CameraRecorder(config, r.ingest().opener(), new BoundedSpoolFiles(spool, usage),
            uploader, clock, new RtspDescribeProbe(), new Random()).tap(liveHub.tap(config.cameraId())));
  }

  @Bean
  RetentionJob retentionJob(SegmentIndex index, EvidenceHolds holds, ObjectStore store, CameraRepository cameras,
      MotionSettingsRepository motion, VmsProperties props, Clock clock) {
    return new RetentionJob(index, holds, store, cameras::findAll, motion::keepMotionExtraDays,
        props.recorder().storageQuota().toBytes(), clock);
  }
}
