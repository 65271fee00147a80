package id.pantau.web.live;

import id.pantau.recorder.ingest.CameraConfig;
import id.pantau.recorder.ingest.RtspUrls;
import id.pantau.recorder.ingest.Transport;
import id.pantau.recorder.live.FeedKey;
import id.pantau.recorder.live.LiveFeed;
import id.pantau.recorder.live.LiveHub;
import id.pantau.recorder.live.LiveStream;
import id.pantau.recorder.live.RestreamServer;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.web.VmsProperties;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live fan-out of this node, the executor that sends to browsers, and the RTSP restream. */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {
  private static final Logger log = LoggerFactory.getLogger(LiveConfiguration.class);

  @Bean(destroyMethod = "close")
  LiveHub liveHub(CameraRepository cameras, LiveProperties live, VmsProperties props, Clock clock) {
    // the same RTSP client as the recorder (vms.recorder.ingest): a pulled stream behaves like a recorded one
    return new LiveHub(props.recorder().ingest().opener(), key -> pullConfig(cameras, props, key),
        new LiveHub.Settings(live.linger(), LiveFeed.CacheLimits.DEFAULT), clock);
  }

  /** How to open a camera stream for viewers when this node does not record it: as the recorder would. */
  static Optional<CameraConfig> pullConfig(CameraRepository cameras, VmsProperties props, FeedKey key) {
    return cameras.find(key.cameraId()).filter(Camera::enabled).flatMap(c -> {
      String url = key.stream() == LiveStream.SUB ? (c.hasSubStream() ? c.subUrl() : null) : c.mainUrl();
      if (url == null) {
        return Optional.empty();
      }
      // the pull never writes segments; the spool directory is only required by the configuration record
      return Optional.of(CameraConfig.builder(c.id(), key.stream().pathName(),
              RtspUrls.withCredentials(url, c.username(), c.password()), props.dataDir().resolve("spool"))
          .transport(Transport.valueOf(c.transport().name()))
          .build());
    });
  }

  /** Muxes fragments and starts asynchronous sends for every browser viewer; nothing here blocks on a socket. */
  @Bean(destroyMethod = "shutdownNow")
  ExecutorService liveSendExecutor() {
    return Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "live-send");
      t.setDaemon(true);
      return t;
    });
  }

  /** Not in command mode; a port already taken is logged and the rest of the system runs on without it. */
  @Bean(destroyMethod = "close")
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnProperty(name = "vms.live.rtsp-enabled", havingValue = "true", matchIfMissing = true)
  RestreamServer restreamServer(LiveProperties live, LiveHub hub, RtspViewers viewers, Clock clock) {
    RestreamServer server = new RestreamServer(new RestreamServer.Settings(
        new InetSocketAddress(live.bindAddress(), live.rtspPort()), live.rtspThreads(), live.queueFrames(),
        live.describeTimeout().toMillis()), hub, viewers, clock);
    try {
      server.start();
    } catch (IllegalStateException e) {
      log.error("RTSP restream not started: {}", e.getMessage());
    }
    return server;
  }
}
