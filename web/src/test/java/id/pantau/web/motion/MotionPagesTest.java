package id.pantau.web.motion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pantau.recorder.motion.MotionEventWriter;
import id.pantau.recorder.motion.MotionListener;
import id.pantau.storage.motion.MotionSettings;
import id.pantau.storage.motion.MotionSettingsRepository;
import id.pantau.web.PantauWebTest;
import id.pantau.web.user.Grant;
import id.pantau.web.user.Role;
import id.pantau.web.user.User;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The motion pages: overview with per-role links, a camera's recent events, and who may open the zones editor. */
class MotionPagesTest extends PantauWebTest {
  @Autowired MotionEventWriter writer;
  @Autowired MotionSettingsRepository settings;
  @Autowired Clock clock;

  @Test
  void overviewEventsAndZonesFollowTheUsersCapabilities() throws Exception {
    String cam = unique("cam-hall");
    createCamera(cam, null);
    settings.save(MotionSettings.defaults(cam).withEnabled(true));
    long start = clock.millis() - 600_000;
    writer.started(new MotionListener.Started(cam, 77_000_001L, start, 3000, 5000, 0.031, List.of(), null));
    writer.ended(new MotionListener.Ended(cam, 77_000_001L, start, start + 5000, 0.052));
    assertThat(writer.drain(10_000)).isTrue();

    User op = createUser(unique("op"), EnumSet.of(Role.OPERATOR), false, Set.of(Grant.camera(cam)));
    String overview = mvc.perform(get("/motion").with(as(op)).param("lang", "en")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(overview).contains("data-camera-id=\"" + cam + "\"", "/cameras/" + cam + "/events")
        .doesNotContain("/cameras/" + cam + "/motion\"");

    String events = mvc.perform(get("/cameras/" + cam + "/events").with(as(op)).param("lang", "id"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(events).contains("Kejadian gerakan: Camera " + cam).contains("5.2 %").contains("data-event-id");
    mvc.perform(get("/cameras/" + cam + "/motion").with(as(op))).andExpect(status().isNotFound());

    User tech = createUser(unique("tech"), EnumSet.of(Role.TECHNICIAN), false, Set.of(Grant.camera(cam)));
    String zones = mvc.perform(get("/cameras/" + cam + "/motion").with(as(tech)).param("lang", "en"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(zones).contains("Motion zones: Camera " + cam, "zone-canvas", "/js/motion-zones.js");
  }
}
