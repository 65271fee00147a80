package id.pantau.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.web.HttpSession;
import id.pantau.web.PantauWebTest;
import id.pantau.web.site.SiteRepository;
import id.pantau.web.user.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Form sign-in over real HTTP: cookie flags, CSRF on every state change, session renewal, API tokens. */
class SessionAndCsrfTest extends PantauWebTest {
  @Autowired SiteRepository sites;
  @Autowired DataSource dataSource;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteAndRenewedAtSignIn() throws Exception {
    HttpSession browser = new HttpSession(baseUrl());
    HttpResponse<String> page = browser.get("/login");
    List<String> setCookies = page.headers().allValues("Set-Cookie");
    assertThat(setCookies).anySatisfy(c -> assertThat(c).startsWith("PANTAU_SESSION=").contains("HttpOnly")
        .containsIgnoringCase("SameSite=Lax"));
    String before = browser.cookie("PANTAU_SESSION");

    HttpResponse<String> signIn = browser.signIn("admin", ADMIN_PASSWORD);
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/cameras"));
    // session fixation: the id from before sign-in is not the signed-in session
    assertThat(browser.cookie("PANTAU_SESSION")).isNotNull().isNotEqualTo(before);
    assertThat(browser.get("/cameras").statusCode()).isEqualTo(200);
  }

  @Test
  void signInWithoutACsrfTokenDoesNotSignIn() throws Exception {
    HttpSession browser = new HttpSession(baseUrl());
    browser.get("/login");
    HttpResponse<String> r = browser.post("/login", HttpSession.form("username", "admin", "password", ADMIN_PASSWORD));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    assertThat(browser.get("/cameras").statusCode()).isEqualTo(302);
  }

  @Test
  void aSignedInChangeWithoutTheCsrfTokenIsForbidden() throws Exception {
    HttpSession browser = new HttpSession(baseUrl());
    browser.signIn("admin", ADMIN_PASSWORD);
    String site = unique("csrf-site");
    Map<String, String> form = HttpSession.form("id", site, "name", "Pos Polisi", "timeZone", "Asia/Jayapura");

    HttpResponse<String> forged = browser.post("/sites", form);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(sites.site(site)).isEmpty();

    form.put("_csrf", "not-the-token");
    assertThat(browser.post("/sites", form).statusCode()).isEqualTo(403);
    assertThat(sites.site(site)).isEmpty();

    form.put("_csrf", browser.csrfFrom("/sites/new"));
    HttpResponse<String> real = browser.post("/sites", form);
    assertThat(real.statusCode()).isEqualTo(302);
    assertThat(sites.site(site)).hasValueSatisfying(s -> assertThat(s.zoneAbbreviation()).isEqualTo("WIT"));

    // sign-out is a POST with the token too
    assertThat(browser.post("/logout", HttpSession.form()).statusCode()).isEqualTo(403);
    assertThat(browser.post("/logout", HttpSession.form("_csrf", browser.csrfFrom("/cameras"))).statusCode())
        .isEqualTo(302);
    assertThat(browser.get("/cameras").statusCode()).isEqualTo(302);
  }

  @Test
  void apiTokensAreShownOnceStoredHashedAndRevocable() throws Exception {
    String name = unique("script-user");
    createUser(name, EnumSet.of(Role.ADMIN), false, Set.of());
    HttpSession browser = new HttpSession(baseUrl());
    browser.signIn(name, ADMIN_PASSWORD);
    String csrf = browser.csrfFrom("/account");
    HttpResponse<String> created = browser.post("/account/tokens", HttpSession.form("name", "nightly export",
        "_csrf", csrf));
    assertThat(created.statusCode()).isEqualTo(302);
    String page = browser.get("/account").body();
    String token = page.replaceAll("(?s).*<code id=\"new-token\" class=\"mono\">([^<]+)</code>.*", "$1");
    assertThat(token).startsWith(ApiTokens.PREFIX).hasSizeGreaterThan(40);
    // shown once only
    assertThat(browser.get("/account").body()).doesNotContain(token);

    // only the SHA-256 is stored
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    List<String> stored = jdbc.queryForList("select token_hash from api_token", String.class);
    assertThat(stored).doesNotContain(token).contains(ApiTokens.sha256(token));

    // a script: no cookies, no CSRF token, bearer header only
    HttpClient script = HttpClient.newHttpClient();
    HttpResponse<String> list = script.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/sites"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.headers().allValues("Set-Cookie")).as("token requests create no session").isEmpty();
    String site = unique("api-site");
    HttpResponse<String> post = script.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/sites"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + site + "\",\"name\":\"Terminal\","
            + "\"timeZone\":\"Asia/Makassar\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(post.body());
    assertThat(body.path("zoneAbbreviation").asString()).isEqualTo("WITA");

    long id = jdbc.queryForObject("select id from api_token where token_hash = ?", Long.class,
        ApiTokens.sha256(token));
    HttpResponse<String> revoke = script.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/tokens/" + id))
        .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(revoke.statusCode()).isEqualTo(204);
    HttpResponse<String> after = script.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/sites"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
        assertThat(v).contains("invalid_token"));
  }

  @Test
  void disablingAUserEndsTheirSessionAtOnce() throws Exception {
    String name = unique("leaver");
    var u = createUser(name, EnumSet.of(Role.OPERATOR), false, Set.of());
    HttpSession browser = new HttpSession(baseUrl());
    browser.signIn(name, ADMIN_PASSWORD);
    assertThat(browser.get("/cameras").statusCode()).isEqualTo(200);
    userAdmin.update(u.id(), null, u.roles(), false, false, Set.of(), id.pantau.web.audit.AuditContext.SYSTEM);
    assertThat(browser.get("/cameras").statusCode()).isEqualTo(302);
  }
}
