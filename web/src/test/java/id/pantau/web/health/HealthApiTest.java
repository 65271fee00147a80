package id.pantau.web.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.pantau.recorder.health.HealthMonitor;
import id.pantau.web.PantauWebTest;
import id.pantau.web.user.Grant;
import id.pantau.web.user.Role;
import id.pantau.web.user.User;
import id.pantau.web.user.UserRepository;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The health API against the running application: a YAML sheet puts three cameras behind a link whose probe target
 * is a real TCP listener; closing it takes the link DOWN with one alert and its cameras LINK_DOWN, reopening it
 * brings a recovery notice. CSV errors name line and field; users see only their cameras and links.
 */
class HealthApiTest extends PantauWebTest {
  static final long DEADLINE_MS = 10_000;

  @Autowired UserRepository users;
  @Autowired HealthMonitor monitor;
  final ObjectMapper json = new ObjectMapper();

  User admin() {
    return users.findByUsername("admin").orElseThrow();
  }

  @Test
  void aCutLinkGoesDownWithOneAlertItsCamerasLinkDownAndRecovers() throws Exception {
    String site = unique("balai-kota");
    String link = unique("fo-balai");
    List<String> cams = List.of(unique("cam-a"), unique("cam-b"), unique("cam-c"));
    cams.forEach(c -> createCamera(c, null));
    try (ServerSocket terminal = listener(0)) {
      int port = terminal.getLocalPort();
      String sheet = """
          sites:
            - {id: %s, name: Balai Kota, kind: office, district: Menteng, latitude: -6.18, longitude: 106.83}
          links:
            - id: %s
              name: FO Balai Kota
              kind: fiber
              vendor: Telkom
              capacityMbps: 10
              probeTarget: 127.0.0.1:%d
          cameras:
          """.formatted(site, link, port) + cams.stream()
          .map(c -> "  - {id: " + c + ", site: " + site + ", link: " + link + ", expectedFps: 15}\n")
          .reduce("", String::concat);
      JsonNode result = body(mvc.perform(post("/api/topology/import").with(as(admin())).with(csrf())
          .contentType("application/yaml").content(sheet)).andReturn().getResponse(), 200);
      assertThat(result.get("cameras").asInt()).isEqualTo(3);
      assertThat(cameras.find(cams.get(0)).orElseThrow().linkId()).isEqualTo(link);

      JsonNode up = awaitLink(link, l -> "UP".equals(l.path("state").asString()));
      assertThat(up.get("cameraIds").toString()).contains(cams.get(0), cams.get(1), cams.get(2));
      assertThat(up.at("/bandwidth/capacityBps").asLong()).isEqualTo(10_000_000L);
      assertThat(up.at("/bandwidth/warning").asBoolean()).isFalse();
      terminal.close();
      long cutAt = System.currentTimeMillis();

      awaitLink(link, l -> "DOWN".equals(l.path("state").asString()));
      JsonNode snapshot = overview(admin());
      for (String c : cams) {
        assertThat(camera(snapshot, c).path("state").asString()).isEqualTo("LINK_DOWN");
      }
      assertThat(System.currentTimeMillis() - cutAt).isLessThan(DEADLINE_MS);
      List<JsonNode> raised = alertsFor(link);
      assertThat(raised).hasSize(1);
      assertThat(raised.get(0).path("kind").asString()).isEqualTo("RAISED");
      assertThat(raised.get(0).path("state").asString()).isEqualTo("DOWN");
      assertThat(raised.get(0).path("cameras").toString()).contains(cams.get(0), cams.get(1), cams.get(2));
      assertThat(allAlerts().stream().filter(a -> cams.contains(a.path("subjectId").asString()))).isEmpty();
      JsonNode outages = body(mvc.perform(get("/api/health/outages").param("current", "true").with(as(admin())))
          .andReturn().getResponse(), 200);
      assertThat(outages.findValuesAsString("subjectId")).contains(link);

      try (ServerSocket restored = listener(port)) {
        awaitLink(link, l -> "UP".equals(l.path("state").asString()));
        List<JsonNode> after = alertsFor(link);
        assertThat(after).hasSize(2);
        // newest first
        assertThat(after.get(0).path("kind").asString()).isEqualTo("RECOVERED");
      }
    }
    JsonNode report = body(mvc.perform(get("/api/health/links/" + link).with(as(admin()))).andReturn()
        .getResponse(), 200);
    assertThat(report.at("/report/outages").size()).isEqualTo(1);
    assertThat(report.at("/report/last24h/downMs").asLong()).isPositive();
    assertThat(report.at("/report/mttrMs").asLong()).isPositive();
    JsonNode bars = body(mvc.perform(get("/api/health/uptime").with(as(admin()))).andReturn().getResponse(), 200);
    assertThat(bars.at("/links/" + link + "/last24h").asDouble()).isStrictlyBetween(0.0, 1.0);

    String csv = mvc.perform(get("/api/health/sla").param("format", "csv").with(as(admin()))).andReturn()
        .getResponse().getContentAsString();
    assertThat(csv.lines().filter(l -> l.contains(link))).hasSize(1);
    assertThat(csv).contains("Telkom");
    String metrics = mvc.perform(get("/actuator/prometheus").with(as(admin()))).andReturn().getResponse()
        .getContentAsString();
    assertThat(metrics).contains("pantau_link_health_state{link=\"" + link + "\",state=\"UP\",vendor=\"Telkom\"} 1.0")
        .contains("pantau_camera_health_state{camera=\"" + cams.get(0) + "\"");
  }

  @Test
  void csvErrorsNameTheLineAndFieldAndNothingIsImported() throws Exception {
    String site = unique("sekolah");
    String csv = "type,id,name,kind,capacityMbps,probeTarget,site,link\n"
        + "site," + site + ",SDN 01,school,,,,\n"
        + "link," + unique("ll") + ",Leased,leased_line,many,,,\n"
        + "link," + unique("ll") + ",Public,fiber,100,8.8.8.8,,\n"
        + "link," + unique("ll") + ",Switch,fiber,100,snmp://noc-secret@10.0.0.1/12,,\n"
        + "camera,no-such-camera,,,,,,\n";
    JsonNode problem = body(mvc.perform(post("/api/topology/import").with(as(admin())).with(csrf())
        .contentType("text/csv").content(csv)).andReturn().getResponse(), 400);
    List<String> errors = new ArrayList<>();
    problem.get("errors").forEach(e -> errors.add(e.get("line").asInt() + ":" + e.get("field").asString()));
    assertThat(errors).containsExactly("3:capacityMbps", "4:probeTarget", "5:probeTarget", "6:id");
    // a community in a target is refused, and the answer does not repeat it
    assertThat(problem.toString()).contains("no credentials in a probe target").doesNotContain("noc-secret");
    assertThat(mvc.perform(get("/api/sites/" + site).with(as(admin()))).andReturn().getResponse().getStatus())
        .isEqualTo(404);
  }

  @Test
  void aTechnicianSeesOnlyGrantedCamerasAndTheirLinks() throws Exception {
    String mine = unique("cam-mine");
    String other = unique("cam-other");
    createCamera(mine, null);
    createCamera(other, null);
    // cameras saved straight to the repository publish no change; the monitor would see them within 30 s
    monitor.topologyChanged();
    User tech = createUser(unique("tech"), EnumSet.of(Role.TECHNICIAN), false, Set.of(Grant.camera(mine)));
    JsonNode seen = awaitOverview(tech, s -> camera(s, mine) != null);
    assertThat(camera(seen, other)).isNull();
    assertThat(mvc.perform(get("/api/health/cameras/" + other).with(as(tech))).andReturn().getResponse()
        .getStatus()).isEqualTo(404);
    JsonNode own = body(mvc.perform(get("/api/health/cameras/" + mine).with(as(tech))).andReturn().getResponse(),
        200);
    assertThat(own.at("/status/id").asString()).isEqualTo(mine);
    assertThat(own.at("/recordingCoverage24h/recordedMs").asLong()).isZero();
    User operator = createUser(unique("op"), EnumSet.of(Role.OPERATOR), true, Set.of());
    assertThat(mvc.perform(get("/api/health").with(as(operator))).andReturn().getResponse().getStatus())
        .isEqualTo(403);
    JsonNode bad = body(mvc.perform(get("/api/health/sla").param("month", "2026-13").with(as(tech))).andReturn()
        .getResponse(), 400);
    assertThat(bad.get("field").asString()).isEqualTo("month");
  }

  static ServerSocket listener(int port) throws Exception {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return s;
  }

  JsonNode awaitLink(String linkId, Predicate<JsonNode> until) throws Exception {
    JsonNode s = awaitOverview(admin(), snap -> {
      JsonNode l = link(snap, linkId);
      return l != null && until.test(l);
    });
    return link(s, linkId);
  }

  JsonNode awaitOverview(User u, Predicate<JsonNode> until) throws Exception {
    long deadline = System.currentTimeMillis() + DEADLINE_MS + 5_000;
    JsonNode s = overview(u);
    while (!until.test(s)) {
      assertThat(System.currentTimeMillis()).as("health state reached in time: " + s).isLessThan(deadline);
      Thread.sleep(200);
      s = overview(u);
    }
    return s;
  }

  JsonNode overview(User u) throws Exception {
    return body(mvc.perform(get("/api/health").with(as(u))).andReturn().getResponse(), 200);
  }

  List<JsonNode> alertsFor(String subjectId) throws Exception {
    return allAlerts().stream().filter(a -> subjectId.equals(a.path("subjectId").asString())).toList();
  }

  List<JsonNode> allAlerts() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    body(mvc.perform(get("/api/health/alerts").param("limit", "500").with(as(admin()))).andReturn().getResponse(),
        200).forEach(out::add);
    return out;
  }

  static JsonNode link(JsonNode snapshot, String id) {
    for (JsonNode l : snapshot.get("links")) {
      if (id.equals(l.get("id").asString())) {
        return l;
      }
    }
    return null;
  }

  static JsonNode camera(JsonNode snapshot, String id) {
    for (JsonNode c : snapshot.get("cameras")) {
      if (id.equals(c.get("id").asString())) {
        return c;
      }
    }
    return null;
  }

  JsonNode body(MockHttpServletResponse r, int status) throws Exception {
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
    return json.readTree(r.getContentAsString());
  }
}
