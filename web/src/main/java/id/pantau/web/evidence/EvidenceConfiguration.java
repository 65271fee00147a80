package id.pantau.web.evidence;

import id.pantau.recorder.export.ExportBuilder;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.retention.EvidenceHolds;
import id.pantau.storage.s3.MinioObjectStore;
import id.pantau.storage.s3.ObjectLock;
import id.pantau.storage.s3.ObjectStore;
import id.pantau.storage.s3.S3ClientOptions;
import id.pantau.storage.s3.S3Settings;
import id.pantau.web.VmsProperties;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.security.CameraAccess;
import id.pantau.web.site.SiteRepository;
import id.pantau.web.site.SiteTimes;
import io.minio.messages.RetentionMode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

/** The evidence workflow, its background builds, the signing key and the evidence bucket, from {@code vms.evidence.*}. */
@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

  @Bean
  @DependsOnDatabaseInitialization
  EvidenceRequests evidenceRequests(DataSource dataSource) {
    return new EvidenceRequests(dataSource);
  }

  @Bean
  EvidenceSigner evidenceSigner(VmsProperties props) {
    return EvidenceSigner.loadOrCreate(props.dataDir());
  }

  @Bean
  DownloadLinks downloadLinks(VmsProperties props, EvidenceProperties evidence, Clock clock) {
    return DownloadLinks.loadOrCreate(props.dataDir(), clock, evidence.linkTtl());
  }

  /** The evidence bucket on the segments' S3 endpoint. Not an {@link ObjectStore} bean: that one is the segments'. */
  @Bean(destroyMethod = "close")
  EvidenceStore evidenceStore(ObjectStore segments, EvidenceProperties evidence, Clock clock) {
    if (!(segments instanceof MinioObjectStore minio)) {
      throw new IllegalStateException("the evidence bucket needs the S3 object store, not " + segments);
    }
    S3Settings s = minio.settings();
    S3Settings settings = new S3Settings(s.endpoint(), s.region(), evidence.bucket(), s.credentials());
    return new EvidenceStore(new MinioObjectStore(settings), new ObjectLock(settings, S3ClientOptions.defaults()),
        RetentionMode.valueOf(evidence.lockMode().toUpperCase(Locale.ROOT)), evidence.retention(),
        evidence.legalHold(), clock);
  }

  @Bean
  ExportBuilder exportBuilder(SegmentIndex index, ObjectStore store) {
    return new ExportBuilder(index, store);
  }

  @Bean
  PackageBuilder packageBuilder(ExportBuilder exporter, EvidenceSigner signer, CameraRepository cameras,
      SiteRepository sites, EvidenceStore store, Clock clock, VmsProperties props, EvidenceProperties evidence) {
    Path workDir = evidence.workDir() != null ? evidence.workDir() : props.dataDir().resolve("evidence-work");
    return new PackageBuilder(exporter, signer, cameras, sites, store, clock, workDir);
  }

  @Bean(destroyMethod = "close")
  ExportJobs exportJobs(EvidenceRequests requests, PackageBuilder builder, EvidenceStore store, AuditTrail audit,
      Clock clock, EvidenceProperties evidence) {
    return new ExportJobs(requests, builder, store, audit, clock, evidence.workers(), evidence.maxAttempts());
  }

  @Bean
  EvidenceWorkflow evidenceWorkflow(EvidenceRequests requests, EvidenceHolds holds, ExportJobs jobs,
      DownloadLinks links, EvidenceStore store, EvidenceSigner signer, CameraAccess access, AuditTrail audit,
      SiteTimes times, Clock clock, EvidenceProperties evidence, TransactionTemplate tx) {
    return new EvidenceWorkflow(requests, holds, jobs, links, store, signer, access, audit, times, clock,
        evidence.maxRange(), tx);
  }

  /** Builds interrupted by the last shutdown start again; one-shot commands build nothing. */
  @EventListener(ApplicationReadyEvent.class)
  void resumeBuilds(ApplicationReadyEvent ready) {
    VmsProperties props = ready.getApplicationContext().getBean(VmsProperties.class);
    if (props.command() == null) {
      ready.getApplicationContext().getBean(ExportJobs.class).resumeUnfinished();
    }
  }
}
