package id.pantau.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.pantau.web.PantauWebTest;
import id.pantau.web.user.UserRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.HtmlUtils;

/** The camera form refuses URLs that would make FFmpeg read files, run commands or reach foreign hosts. */
class HostileCameraUrlTest extends PantauWebTest {
  @Autowired UserRepository users;

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "file:///etc/passwd => only rtsp:// and rtsps:// URLs are accepted, not file:",
      "concat:/etc/passwd|/etc/shadow => characters not allowed",
      "concat:a.mp4 => only rtsp:// and rtsps:// URLs are accepted, not concat:",
      "exec:/bin/sh => only rtsp:// and rtsps:// URLs are accepted, not exec:",
      "subfile:,,start,0,end,0,,:/etc/passwd => only rtsp:// and rtsps:// URLs are accepted, not subfile:",
      "http://10.0.0.5/video => only rtsp:// and rtsps:// URLs are accepted, not http:",
      "rtsp://10.0.0.5/a;reboot => characters not allowed",
      "rtsp://10.0.0.5/$(touch /tmp/pwned) => characters not allowed",
      "rtsp://10.0.0.5/`id` => characters not allowed",
      "rtsp://10.0.0.5/a&&rm -rf / => characters not allowed",
      "rtsp://10.0.0.5/a>out => characters not allowed",
      "rtsp://admin:hunter2@10.0.0.5/live => credentials in the URL are not accepted",
      "rtsp://8.8.8.8/live => is outside the camera networks",
      "rtsp://169.254.169.254/latest/meta-data => is outside the camera networks",
      "rtsp://0x7f000001/live => write an IPv4 address as four decimal numbers",
      "/dev/video0 => not a relative URL"})
  void hostileUrlsAreRejectedWithAClearMessage(String url, String message) throws Exception {
    String id = unique("hostile");
    MockHttpServletResponse r = mvc.perform(post("/cameras").with(csrf())
            .with(as(users.findByUsername("admin").orElseThrow()))
            .param("id", id).param("name", "x").param("mainUrl", url.trim()).param("transport", "TCP")
            .param("retentionDays", "7").param("enabled", "true"))
        .andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(HtmlUtils.htmlUnescape(r.getContentAsString())).contains("mainUrl: ").contains(message.trim());
    assertThat(cameras.exists(id)).isFalse();
  }
}
