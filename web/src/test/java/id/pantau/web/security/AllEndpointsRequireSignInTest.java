package id.pantau.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import id.pantau.web.PantauWebTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every request mapping of the application, found at run time (so endpoints added later are covered without
 * editing this test), refuses a caller without a session: 401 for the API, actuator and OpenAPI, a redirect to
 * the sign-in page for UI pages. Only the whitelist below is public.
 */
class AllEndpointsRequireSignInTest extends PantauWebTest {
  /**
   * The only mappings reachable without signing in: the sign-in page, the one-time setup page and the health
   * probe. (Static assets under /webjars/**, /css/**, /js/** and /favicon.ico are public too; they are resource
   * handlers, not request mappings.)
   */
  static final Set<String> PUBLIC_MAPPINGS = Set.of("/login", "/setup", "/actuator/health",
      "/actuator/health/**");
  static final Set<String> PUBLIC_PATHS_IN_SECURITY_CONFIG = Set.of("/login", "/setup", "/webjars/**", "/css/**",
      "/js/**", "/favicon.ico", "/actuator/health", "/actuator/health/**");

  @Autowired ApplicationContext context;

  record Endpoint(String pattern, HttpMethod method) {}

  @BeforeEach
  void aCameraThatExists() {
    if (!cameras.exists("cam-existing")) {
      createCamera("cam-existing", null);
    }
  }

  @Test
  void theSecurityConfigurationWhitelistsExactlyTheDocumentedPaths() {
    assertThat(Set.of(WebSecurityConfiguration.PUBLIC_PATHS)).isEqualTo(PUBLIC_PATHS_IN_SECURITY_CONFIG);
  }

  @Test
  void everyMappingWithoutASessionIsRefused() throws Exception {
    List<Endpoint> endpoints = endpoints();
    Set<String> patterns = new TreeSet<>();
    endpoints.forEach(e -> patterns.add(e.pattern()));
    // the discovery must see the application's own, the actuator's and springdoc's mappings
    assertThat(patterns).contains("/cameras", "/cameras/{id}/edit", "/api/audit/verify", "/api/tokens/{tokenId}",
        "/users/{userId}", "/actuator/prometheus", "/v3/api-docs", "/login", "/setup");
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Endpoint e : endpoints) {
      if (PUBLIC_MAPPINGS.contains(e.pattern())) {
        continue;
      }
      String path = concrete(e.pattern());
      boolean machine = path.startsWith("/api") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs");
      // unsafe methods twice: without a CSRF token, and with a valid one (so CSRF is not what stops them)
      List<MockHttpServletRequestBuilder> attempts = new ArrayList<>();
      attempts.add(request(e.method(), path));
      if (e.method() != HttpMethod.GET && e.method() != HttpMethod.HEAD) {
        attempts.add(request(e.method(), path).with(csrf()));
      }
      for (MockHttpServletRequestBuilder attempt : attempts) {
        MockHttpServletResponse r = mvc.perform(attempt).andReturn().getResponse();
        checked++;
        boolean refused = machine
            ? r.getStatus() == 401
            : r.getStatus() == 302 && String.valueOf(r.getRedirectedUrl()).endsWith("/login");
        if (!refused) {
          failures.add(e.method() + " " + path + " -> " + r.getStatus() + " " + r.getRedirectedUrl());
        }
      }
    }
    assertThat(failures).as("endpoints reachable without a session").isEmpty();
    assertThat(checked).isGreaterThan(30);
  }

  @Test
  void thePublicMappingsAnswerWithoutASession() throws Exception {
    assertThat(mvc.perform(request(HttpMethod.GET, "/login")).andReturn().getResponse().getStatus()).isEqualTo(200);
    assertThat(mvc.perform(request(HttpMethod.GET, "/actuator/health")).andReturn().getResponse().getStatus())
        .isEqualTo(200);
    // an admin exists (from VMS_ADMIN_PASSWORD), so the setup page answers "no such link"
    assertThat(mvc.perform(request(HttpMethod.GET, "/setup?token=x")).andReturn().getResponse().getStatus())
        .isEqualTo(404);
    assertThat(mvc.perform(request(HttpMethod.GET, "/webjars/bootstrap/css/bootstrap.min.css")).andReturn()
        .getResponse().getStatus()).isEqualTo(200);
  }

  /** Every (pattern, method) of every RequestMappingInfo handler mapping: MVC controllers, actuator, springdoc. */
  List<Endpoint> endpoints() {
    List<Endpoint> out = new ArrayList<>();
    for (RequestMappingInfoHandlerMapping mapping
        : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<RequestMethod> ms = methods.isEmpty()
            ? List.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE)
            : List.copyOf(methods);
        for (String pattern : info.getPatternValues()) {
          for (RequestMethod m : ms) {
            out.add(new Endpoint(pattern, m.asHttpMethod()));
          }
        }
      }
    }
    return out;
  }

  /** The pattern with real values for its variables: an id that exists, so only security can refuse. */
  static String concrete(String pattern) {
    String p = pattern.replace("/**", "/x").replaceAll("\\{\\*[^}]+}", "x");
    String[] parts = p.split("/");
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].startsWith("{")) {
        String name = parts[i].substring(1, parts[i].indexOf('}'));
        parts[i] = name.toLowerCase().contains("camera") || (i > 0 && parts[i - 1].equals("cameras"))
            ? "cam-existing" : "1";
      }
    }
    return String.join("/", Arrays.asList(parts));
  }
}
