package id.pantau.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import id.pantau.web.PantauWebTest;
import id.pantau.web.user.Role;
import id.pantau.web.user.UserRepository;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** GET /api/audit/verify finds an edited row in the running application; listing and CSV are admin-only. */
class AuditVerificationEndpointTest extends PantauWebTest {
  @Autowired UserRepository users;
  @Autowired AuditTrail audit;
  @Autowired DataSource dataSource;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void verificationReportsTheEditedRowAndRecoversWhenRestored() throws Exception {
    var admin = users.findByUsername("admin").orElseThrow();
    AuditRecord target = audit.record(AuditEvent.of(AuditAction.EXPORT_DECISION).actor("supervisor-x")
        .camera("cam-1").reason("approved for case 42").build());
    JsonNode ok = json.readTree(mvc.perform(get("/api/audit/verify").with(as(admin))).andReturn().getResponse()
        .getContentAsString());
    assertThat(ok.path("intact").asBoolean()).isTrue();

    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Map<String, Object> original = jdbc.queryForMap("select reason from audit_event where seq = ?", target.seq());
    jdbc.update("update audit_event set reason = 'rejected' where seq = ?", target.seq());
    try {
      JsonNode broken = json.readTree(mvc.perform(get("/api/audit/verify").with(as(admin))).andReturn()
          .getResponse().getContentAsString());
      assertThat(broken.path("intact").asBoolean()).isFalse();
      assertThat(broken.path("firstBrokenSeq").asLong()).isEqualTo(target.seq());
      assertThat(broken.path("problem").asString()).contains("edited");
    } finally {
      jdbc.update("update audit_event set reason = ? where seq = ?", original.get("REASON"), target.seq());
    }
    assertThat(audit.verify().intact()).isTrue();
    assertThat(audit.find(new AuditFilter("admin", AuditAction.AUDIT_VERIFIED, null, null, null), 0, 5))
        .isNotEmpty();
  }

  @Test
  void onlyAdministratorsReadTheTrail() throws Exception {
    var tech = createUser(unique("tech"), EnumSet.of(Role.TECHNICIAN, Role.SUPERVISOR), true, Set.of());
    assertThat(mvc.perform(get("/api/audit").with(as(tech))).andReturn().getResponse().getStatus()).isEqualTo(403);
    assertThat(mvc.perform(get("/audit").with(as(tech))).andReturn().getResponse().getStatus()).isEqualTo(403);
    assertThat(mvc.perform(get("/api/audit/verify").with(as(tech))).andReturn().getResponse().getStatus())
        .isEqualTo(403);
  }

  @Test
  void adminsFilterAndExportCsv() throws Exception {
    var admin = users.findByUsername("admin").orElseThrow();
    String who = unique("investigator");
    audit.record(AuditEvent.of(AuditAction.PLAYBACK).actor(who).camera("cam-7").range(1_000L, 61_000L)
        .reason("laporan polisi 12").source("10.1.2.3").build());
    MockHttpServletResponse page = mvc.perform(get("/audit").param("actor", who).with(as(admin))).andReturn()
        .getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains("laporan polisi 12").contains("10.1.2.3")
        .contains("1970-01-01 07:00:01 WIB");
    MockHttpServletResponse csv = mvc.perform(get("/api/audit/export").param("actor", who).with(as(admin)))
        .andReturn().getResponse();
    assertThat(csv.getContentType()).startsWith("text/csv");
    String[] lines = csv.getContentAsString().split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).contains("," + who + ",PLAYBACK,cam-7,1970-01-01T00:00:01Z,1970-01-01T00:01:01Z,"
        + "laporan polisi 12,10.1.2.3,");
    assertThat(audit.find(new AuditFilter("admin", AuditAction.AUDIT_EXPORTED, null, null, null), 0, 1))
        .isNotEmpty();
  }
}
