package id.pantau.web.motion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pantau.recorder.motion.MotionEventWriter;
import id.pantau.recorder.motion.MotionListener;
import id.pantau.storage.motion.Box;
import id.pantau.web.PantauWebTest;
import id.pantau.web.user.Grant;
import id.pantau.web.user.Role;
import id.pantau.web.user.User;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The motion REST API against the running application: events stored through the real writer (H2 index, embedded
 * S3 snapshot), the window query with named errors, per-camera settings with zones, and the live event stream.
 */
class MotionApiTest extends PantauWebTest {
  private static final AtomicLong KEYS = new AtomicLong(1_000_000);

  @Autowired MotionEventWriter writer;
  @Autowired MotionEventStream stream;
  @Autowired DataSource dataSource;

  static final long T0 = Instant.parse("2026-11-20T08:00:00Z").toEpochMilli();

  User investigator(String camera) {
    return createUser(unique("inv"), EnumSet.of(Role.INVESTIGATOR), false, Set.of(Grant.camera(camera)));
  }

  /** Stores one finished event through the writer the analysers use, and waits until it is in the index. */
  void storeEvent(String camera, long startMs, long endMs, byte[] jpeg) throws Exception {
    long key = KEYS.incrementAndGet();
    writer.started(new MotionListener.Started(camera, key, startMs, 3000, 5000, 0.04,
        List.of(new Box(0.25, 0.5, 0.1, 0.2)), jpeg));
    writer.ended(new MotionListener.Ended(camera, key, startMs, endMs, 0.07));
    assertThat(writer.drain(10_000)).isTrue();
  }

  static byte[] jpeg(Color color) throws Exception {
    BufferedImage img = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, 64, 36);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", out);
    return out.toByteArray();
  }

  @Test
  void eventsOfAWindowWithClipBoundsAndTheirSnapshotFromTheObjectStore() throws Exception {
    String cam = unique("cam-yard");
    createCamera(cam, null);
    storeEvent(cam, T0 + 10_000, T0 + 14_000, jpeg(Color.RED));
    storeEvent(cam, T0 + 3_600_000, T0 + 3_601_000, null);
    User inv = investigator(cam);

    mvc.perform(get("/api/cameras/" + cam + "/events").with(as(inv))
            .param("from", "2026-11-20T08:00:00Z").param("to", "2026-11-20T08:30:00Z"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].cameraId").value(cam))
        .andExpect(jsonPath("$[0].start").value("2026-11-20T08:00:10Z"))
        .andExpect(jsonPath("$[0].end").value("2026-11-20T08:00:14Z"))
        .andExpect(jsonPath("$[0].clipStart").value("2026-11-20T08:00:07Z"))
        .andExpect(jsonPath("$[0].clipEnd").value("2026-11-20T08:00:19Z"))
        .andExpect(jsonPath("$[0].peakScore").value(0.07))
        .andExpect(jsonPath("$[0].boxes[0].w").value(0.1));
    String listed = mvc.perform(get("/api/cameras/" + cam + "/events").with(as(inv))
            .param("from", "2026-11-20T00:00:00Z").param("to", "2026-11-21T00:00:00Z"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[1].snapshot").doesNotExist())
        .andReturn().getResponse().getContentAsString();
    String snapshot = com.jayway.jsonpath.JsonPath.read(listed, "$[0].snapshot");

    byte[] body = mvc.perform(get(snapshot).with(as(inv))).andExpect(status().isOk())
        .andExpect(result -> assertThat(result.getResponse().getContentType()).isEqualTo("image/jpeg"))
        .andReturn().getResponse().getContentAsByteArray();
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(body));
    assertThat(decoded.getWidth()).isEqualTo(64);
    assertThat(new Color(decoded.getRGB(32, 18)).getRed()).isGreaterThan(200);
    // an event id that is not this camera's, or no number at all, is simply not there
    mvc.perform(get("/api/cameras/" + cam + "/events/abc/snapshot.jpg").with(as(inv)))
        .andExpect(status().isNotFound());
  }

  @Test
  void badWindowsAreNamedButOnlyAfterThePermissionCheck() throws Exception {
    String cam = unique("cam-gate");
    String other = unique("cam-other");
    createCamera(cam, null);
    createCamera(other, null);
    User inv = investigator(cam);
    String url = "/api/cameras/" + cam + "/events";

    mvc.perform(get(url).with(as(inv)).param("to", "2026-11-20T09:00:00Z"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("from"))
        .andExpect(jsonPath("$.title").value("Invalid from"));
    mvc.perform(get(url).with(as(inv)).param("from", "2026-11-20T08:00:00Z").param("to", "yesterday"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("to"));
    mvc.perform(get(url).with(as(inv)).param("from", "2026-11-20 08:00").param("to", "2026-11-20T09:00:00Z"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("from"));
    mvc.perform(get(url).with(as(inv)).param("from", "2026-11-20T09:00:00Z").param("to", "2026-11-20T08:00:00Z"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("to: must be after from"));
    mvc.perform(get(url).with(as(inv)).param("from", "2026-10-01T00:00:00Z").param("to", "2026-11-20T08:00:00Z"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("to"));
    // someone else's camera answers 404 even with broken parameters
    mvc.perform(get("/api/cameras/" + other + "/events").with(as(inv)).param("from", "junk"))
        .andExpect(status().isNotFound());
  }

  @Test
  void settingsWithZonesAreSavedValidatedAndAuditedForConfigurersOnly() throws Exception {
    String cam = unique("cam-lobby");
    createCamera(cam, null);
    User tech = createUser(unique("tech"), EnumSet.of(Role.TECHNICIAN), false, Set.of(Grant.camera(cam)));
    String url = "/api/cameras/" + cam + "/motion";

    mvc.perform(get(url).with(as(tech))).andExpect(status().isOk())
        .andExpect(jsonPath("$.enabled").value(false)).andExpect(jsonPath("$.zones.length()").value(0))
        .andExpect(jsonPath("$.analysing").value(false));
    mvc.perform(put(url).with(as(tech)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
            {"enabled":true,"sensitivity":75,"minAreaPercent":0.5,"keepMotionExtraDays":14,
             "zones":[{"kind":"include","points":[[0,0],[1,0],[1,0.8],[0,0.8]]},
                      {"kind":"exclude","points":[[0.7,0.1],[0.95,0.1],[0.95,0.4]]}]}"""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.sensitivity").value(75))
        .andExpect(jsonPath("$.zones[1].kind").value("exclude"))
        .andExpect(jsonPath("$.zones[1].points[2][1]").value(0.4));
    // fields left out keep their value
    mvc.perform(put(url).with(as(tech)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"sensitivity\":40}"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.zones.length()").value(2))
        .andExpect(jsonPath("$.keepMotionExtraDays").value(14));

    mvc.perform(put(url).with(as(tech)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"zones\":[{\"kind\":\"exclude\",\"points\":[[0.1,0.1],[1.5,0.1],[0.2,0.3]]}]}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("zones[0]"));
    mvc.perform(put(url).with(as(tech)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"zones\":[{\"kind\":\"sideways\",\"points\":[[0.1,0.1],[0.5,0.1],[0.2,0.3]]}]}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("zones[0]"));
    mvc.perform(put(url).with(as(tech)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"sensitivity\":0}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("sensitivity"));
    mvc.perform(get(url).with(as(tech))).andExpect(jsonPath("$.sensitivity").value(40))
        .andExpect(jsonPath("$.enabled").value(true));

    Integer audited = new JdbcTemplate(dataSource).queryForObject("select count(*) from audit_event"
        + " where action = 'MOTION_SETTINGS_CHANGED' and camera_id = ?", Integer.class, cam);
    assertThat(audited).isEqualTo(2);

    // watching a camera does not mean configuring it
    User op = createUser(unique("op"), EnumSet.of(Role.OPERATOR), false, Set.of(Grant.camera(cam)));
    mvc.perform(get(url).with(as(op))).andExpect(status().isNotFound());
    mvc.perform(put(url).with(as(op)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"enabled\":false}")).andExpect(status().isNotFound());
  }

  @Test
  void liveStreamCarriesOnlyTheSubscribersCameras() throws Exception {
    String mine = unique("cam-mine");
    String theirs = unique("cam-theirs");
    createCamera(mine, null);
    createCamera(theirs, null);
    User op = createUser(unique("op"), EnumSet.of(Role.OPERATOR), false, Set.of(Grant.camera(mine)));
    int before = stream.subscribers();

    MvcResult sse = mvc.perform(get("/api/events/stream").with(as(op)).accept(MediaType.TEXT_EVENT_STREAM))
        .andExpect(request -> assertThat(request.getRequest().isAsyncStarted()).isTrue()).andReturn();
    assertThat(stream.subscribers()).isEqualTo(before + 1);
    storeEvent(theirs, T0 + 50_000, T0 + 52_000, null);
    storeEvent(mine, T0 + 60_000, T0 + 62_000, null);

    String body = sse.getResponse().getContentAsString();
    assertThat(body).contains("event:motion.started", "event:motion.ended", "\"cameraId\":\"" + mine + "\"")
        .contains("\"start\":\"2026-11-20T08:01:00Z\"").doesNotContain(theirs);
  }
}
