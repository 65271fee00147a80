package id.pantau.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import id.pantau.web.PantauWebTest;
import id.pantau.web.user.Role;
import id.pantau.web.user.UserRepository;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** OpenAPI for administrators, Prometheus metrics for admins and technicians, a public health probe. */
class OpenApiAndActuatorTest extends PantauWebTest {
  @Autowired UserRepository users;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void openApiDescribesTheRestApiForAdministratorsOnly() throws Exception {
    var admin = users.findByUsername("admin").orElseThrow();
    MockHttpServletResponse r = mvc.perform(get("/v3/api-docs").with(as(admin))).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    JsonNode doc = json.readTree(r.getContentAsString());
    assertThat(doc.path("openapi").asString()).startsWith("3.");
    assertThat(doc.path("paths").has("/api/audit/verify")).isTrue();
    assertThat(doc.path("paths").has("/api/tokens")).isTrue();
    assertThat(doc.path("paths").has("/cameras")).as("UI pages are not part of the API").isFalse();
    assertThat(doc.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
    assertThat(mvc.perform(get("/swagger-ui/index.html").with(as(admin))).andReturn().getResponse().getStatus())
        .isEqualTo(200);

    var operator = createUser(unique("op"), EnumSet.of(Role.OPERATOR), true, Set.of());
    assertThat(mvc.perform(get("/v3/api-docs").with(as(operator))).andReturn().getResponse().getStatus())
        .isEqualTo(403);
    assertThat(mvc.perform(get("/swagger-ui/index.html").with(as(operator))).andReturn().getResponse()
        .getStatus()).isEqualTo(403);
  }

  @Test
  void prometheusNeedsATechnicianOrAdmin() throws Exception {
    assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(401);
    var operator = createUser(unique("op"), EnumSet.of(Role.OPERATOR), true, Set.of());
    assertThat(mvc.perform(get("/actuator/prometheus").with(as(operator))).andReturn().getResponse().getStatus())
        .isEqualTo(403);
    var tech = createUser(unique("tech"), EnumSet.of(Role.TECHNICIAN), false, Set.of());
    MockHttpServletResponse r = mvc.perform(get("/actuator/prometheus").with(as(tech))).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString()).contains("jvm_memory_used_bytes").contains("http_server_requests");
  }

  @Test
  void healthIsPublicButDetailsNeedARole() throws Exception {
    JsonNode anonymous = json.readTree(mvc.perform(get("/actuator/health")).andReturn().getResponse()
        .getContentAsString());
    assertThat(anonymous.path("status").asString()).isEqualTo("UP");
    assertThat(anonymous.at("/components/objectStore/status").asString()).isEqualTo("UP");
    assertThat(anonymous.at("/components/objectStore/details").isMissingNode()).isTrue();

    var tech = createUser(unique("tech"), EnumSet.of(Role.TECHNICIAN), false, Set.of());
    JsonNode detailed = json.readTree(mvc.perform(get("/actuator/health").with(as(tech))).andReturn().getResponse()
        .getContentAsString());
    assertThat(detailed.at("/components/objectStore/details/bucket").asString()).isEqualTo("pantau-segments");
  }
}
