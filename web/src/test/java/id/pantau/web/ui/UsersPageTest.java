package id.pantau.web.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.pantau.web.PantauWebTest;
import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditFilter;
import id.pantau.web.audit.AuditRecord;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.user.Grant;
import id.pantau.web.user.Role;
import id.pantau.web.user.UserRepository;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/** Administrators manage users, roles and grants through the pages; every change is audited. */
class UsersPageTest extends PantauWebTest {
  @Autowired UserRepository users;
  @Autowired AuditTrail audit;

  @Test
  void createEditAndResetAUser() throws Exception {
    var admin = users.findByUsername("admin").orElseThrow();
    String cam = unique("cam-gate");
    createCamera(cam, null);
    String name = unique("petugas");
    MockHttpServletResponse created = mvc.perform(post("/users").with(csrf()).with(as(admin))
        .param("username", name.toUpperCase()).param("displayName", "Petugas Jaga").param("password",
            "jaga-malam-2026-aman").param("roles", "OPERATOR", "INVESTIGATOR").param("cameraGrants", cam))
        .andReturn().getResponse();
    assertThat(created.getStatus()).isEqualTo(302);
    var u = users.findByUsername(name).orElseThrow();
    assertThat(u.roles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.INVESTIGATOR);
    assertThat(users.grants(u.id())).containsExactly(Grant.camera(cam));
    assertThat(mvc.perform(get("/users").with(as(admin))).andReturn().getResponse().getContentAsString())
        .contains(name).contains("Petugas Jaga");

    mvc.perform(post("/users/" + u.id()).with(csrf()).with(as(admin)).param("displayName", "Petugas Jaga")
        .param("roles", "OPERATOR").param("enabled", "true"));
    assertThat(users.findById(u.id()).orElseThrow().roles()).containsExactly(Role.OPERATOR);
    assertThat(users.grants(u.id())).isEmpty();

    MockHttpServletResponse weak = mvc.perform(post("/users/" + u.id() + "/password").with(csrf()).with(as(admin))
        .param("password", "pendek")).andReturn().getResponse();
    assertThat(weak.getStatus()).isEqualTo(400);
    assertThat(weak.getContentAsString()).contains("at least 12 characters");
    int epoch = users.findById(u.id()).orElseThrow().sessionEpoch();
    mvc.perform(post("/users/" + u.id() + "/password").with(csrf()).with(as(admin))
        .param("password", "kata-sandi-baru-yang-panjang"));
    assertThat(users.findById(u.id()).orElseThrow().sessionEpoch()).as("old sessions end").isEqualTo(epoch + 1);

    assertThat(audit.find(new AuditFilter("admin", null, null, null, null), 0, 10)).extracting(AuditRecord::action)
        .contains(AuditAction.USER_CREATED, AuditAction.USER_UPDATED, AuditAction.USER_GRANTS_CHANGED,
            AuditAction.USER_PASSWORD_CHANGED);
  }

  @Test
  void theLastAdministratorCannotBeDemoted() throws Exception {
    var admin = users.findByUsername("admin").orElseThrow();
    // other test classes in this context may have made administrators: set them aside for this check
    var others = users.findAll().stream().filter(x -> x.id() != admin.id() && x.enabled() && x.has(Role.ADMIN))
        .toList();
    others.forEach(x -> users.update(x.id(), x.displayName(), x.roles(), false, x.allCameras()));
    try {
      MockHttpServletResponse r = mvc.perform(post("/users/" + admin.id()).with(csrf()).with(as(admin))
          .param("displayName", "Administrator").param("roles", "OPERATOR").param("enabled", "true"))
          .andReturn().getResponse();
      assertThat(r.getStatus()).isEqualTo(400);
      assertThat(r.getContentAsString()).contains("The last active administrator cannot be disabled");
      assertThat(users.findById(admin.id()).orElseThrow().roles()).contains(Role.ADMIN);
    } finally {
      others.forEach(x -> users.update(x.id(), x.displayName(), x.roles(), true, x.allCameras()));
    }
  }

  @Test
  void nonAdministratorsCannotManageUsers() throws Exception {
    var tech = createUser(unique("tech"), EnumSet.of(Role.TECHNICIAN), true, Set.of());
    assertThat(mvc.perform(get("/users").with(as(tech))).andReturn().getResponse().getStatus()).isEqualTo(403);
    assertThat(mvc.perform(post("/users").with(csrf()).with(as(tech)).param("username", "x").param("password",
        "long-enough-password")).andReturn().getResponse().getStatus()).isEqualTo(403);
    assertThat(users.findByUsername("x")).isEmpty();
  }
}
