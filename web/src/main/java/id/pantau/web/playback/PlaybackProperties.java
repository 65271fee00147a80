package id.pantau.web.playback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Playback settings ({@code vms.playback.*}).
 *
 * @param stream which recorded stream is played back ({@code main} or {@code sub})
 * @param maxWindow the longest window one playlist or timeline request may span
 * @param auditRepeat how long a viewer's playback of a camera hour stays covered by one audit event
 */
@ConfigurationProperties("vms.playback")
record PlaybackProperties(
    @DefaultValue("main") String stream,
    @DefaultValue("PT6H") Duration maxWindow,
    @DefaultValue("PT30M") Duration auditRepeat) {

  PlaybackProperties {
    if (!stream.equals("main") && !stream.equals("sub")) {
      throw new IllegalArgumentException("vms.playback.stream must be main or sub, not " + stream);
    }
    if (maxWindow.isNegative() || maxWindow.isZero()) {
      throw new IllegalArgumentException("vms.playback.max-window must be positive");
    }
  }
}
