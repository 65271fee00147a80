package id.pantau.web.evidence;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vms.evidence.*}: where evidence packages are kept and for how long they are locked, how long a download
 * link works, the longest range one request may cover, and the build workers.
 *
 * @param bucket evidence bucket on the same S3 endpoint as the segments; created with Object Lock if missing
 * @param lockMode S3 Object Lock retention mode for packages: GOVERNANCE or COMPLIANCE
 * @param retention how long a package is locked after it is stored
 * @param legalHold also place an S3 legal hold (kept until someone lifts it)
 * @param workDir where packages are built before upload; {@code ${vms.data-dir}/evidence-work} if unset
 */
@ConfigurationProperties(prefix = "vms.evidence")
public record EvidenceProperties(
    @DefaultValue("pantau-evidence") String bucket,
    @DefaultValue("10m") Duration linkTtl,
    @DefaultValue("24h") Duration maxRange,
    @DefaultValue("GOVERNANCE") String lockMode,
    @DefaultValue("1825d") Duration retention,
    @DefaultValue("true") boolean legalHold,
    @DefaultValue("1") int workers,
    @DefaultValue("3") int maxAttempts,
    Path workDir) {}
