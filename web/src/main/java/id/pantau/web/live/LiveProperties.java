package id.pantau.web.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live view and RTSP restream ({@code vms.live.*}).
 *
 * @param queueFrames        frames a viewer may fall behind before it skips ahead to the next keyframe
 * @param linger             how long a camera stream pulled for viewers stays open after the last one left
 * @param rtspEnabled        serve the RTSP restream
 * @param rtspPort           port of the restream (0: any free port)
 * @param bindAddress        address the restream listens on
 * @param rtspThreads        event loops of the restream (0: one per core)
 * @param describeTimeout    how long an RTSP DESCRIBE waits for a camera that is still connecting
 * @param snapshotTimeout    how long a snapshot request waits for a camera's first keyframe
 */
@ConfigurationProperties(prefix = "vms.live")
public record LiveProperties(
    @DefaultValue("25") int queueFrames,
    @DefaultValue("10s") Duration linger,
    @DefaultValue("true") boolean rtspEnabled,
    @DefaultValue("8554") int rtspPort,
    @DefaultValue("0.0.0.0") String bindAddress,
    @DefaultValue("2") int rtspThreads,
    @DefaultValue("8s") Duration describeTimeout,
    @DefaultValue("5s") Duration snapshotTimeout) {}
