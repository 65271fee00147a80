package id.pantau.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import id.pantau.web.PantauWebTest;
import id.pantau.web.site.Site;
import id.pantau.web.site.SiteRepository;
import id.pantau.web.user.Grant;
import id.pantau.web.user.Role;
import id.pantau.web.user.User;
import id.pantau.web.user.UserRepository;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * A user permitted camera A cannot reach camera B through any camera-scoped endpoint, and lists show A only.
 * Camera-scoped endpoints are discovered from the request mappings: a path variable named like {cameraId}, or
 * any variable right after a "cameras" segment (/cameras/{id}/..., /api/cameras/{id}/...).
 */
class CameraScopeTest extends PantauWebTest {
  @Autowired ApplicationContext context;
  @Autowired CameraAccess access;
  @Autowired UserRepository users;
  @Autowired SiteRepository sites;

  String camA;
  String camB;
  User userA;

  @BeforeEach
  void twoCamerasAndAUserForOne() {
    camA = unique("cam-alpha");
    camB = unique("cam-bravo");
    createCamera(camA, null);
    createCamera(camB, null);
    // every role but ADMIN (admins see all cameras), limited to camera A
    userA = createUser(unique("user-a"), EnumSet.of(Role.OPERATOR, Role.INVESTIGATOR, Role.SUPERVISOR,
        Role.TECHNICIAN), false, Set.of(Grant.camera(camA)));
  }

  record Endpoint(String pattern, HttpMethod method) {}

  @Test
  void everyCameraScopedEndpointRefusesAnotherUsersCamera() throws Exception {
    List<Endpoint> scoped = cameraScopedEndpoints();
    assertThat(scoped).extracting(Endpoint::pattern).contains("/cameras/{id}/edit", "/cameras/{id}",
        "/cameras/{id}/delete");
    List<String> leaks = new ArrayList<>();
    for (Endpoint e : scoped) {
      MockHttpServletResponse r = mvc.perform(withCsrf(request(e.method(), path(e.pattern(), camB)), e.method())
          .with(as(userA)).param("mainUrl", "rtsp://10.0.0.9/x")).andReturn().getResponse();
      if ((r.getStatus() != 403 && r.getStatus() != 404) || r.getContentAsString().contains("Camera " + camB)) {
        leaks.add(e.method() + " " + e.pattern() + " -> " + r.getStatus());
      }
    }
    assertThat(leaks).as("camera-scoped endpoints that served camera B").isEmpty();
    assertThat(cameras.find(camB)).as("camera B untouched").hasValueSatisfying(c ->
        assertThat(c.mainUrl()).endsWith("/" + camB));
    // and the permitted camera does work through the same endpoints
    assertThat(mvc.perform(request(HttpMethod.GET, "/cameras/" + camA + "/edit").with(as(userA))).andReturn()
        .getResponse().getStatus()).isEqualTo(200);
  }

  @Test
  void cameraListsShowOnlyPermittedCameras() throws Exception {
    List<String> lists = new ArrayList<>();
    for (Endpoint e : allEndpoints()) {
      if (e.method() == HttpMethod.GET && e.pattern().endsWith("/cameras") && !e.pattern().contains("{")) {
        lists.add(e.pattern());
        String body = mvc.perform(request(HttpMethod.GET, e.pattern()).with(as(userA))).andReturn().getResponse()
            .getContentAsString();
        assertThat(body).as(e.pattern()).contains(camA).doesNotContain(camB);
      }
    }
    assertThat(lists).contains("/cameras");
  }

  @Test
  void siteGrantsCoverTheSitesCamerasAndRevocationIsImmediate() throws Exception {
    String site = unique("site");
    sites.save(new Site(site, "Balai Kota", "OFFICE", null, null, null, ZoneId.of("Asia/Makassar")));
    String camC = unique("cam-charlie");
    createCamera(camC, site);
    User op = createUser(unique("operator"), EnumSet.of(Role.OPERATOR), false, Set.of(Grant.site(site)));
    var auth = UsernamePasswordAuthenticationToken.authenticated(new SignedInUser(op), null, List.of());

    assertThat(access.visibleCameras(auth, Capability.LIVE)).containsExactly(camC);
    assertThat(access.permits(auth, camC, Capability.LIVE)).isTrue();
    // an operator watches live video only
    assertThat(access.permits(auth, camC, Capability.PLAYBACK)).isFalse();
    assertThat(access.visibleCameras(auth, Capability.PLAYBACK)).isEmpty();
    assertThatThrownBy(() -> access.require(auth, camC, Capability.CONFIGURE))
        .isInstanceOf(CameraNotFoundException.class);
    assertThat(mvc.perform(request(HttpMethod.GET, "/cameras/" + camC + "/edit").with(as(op))).andReturn()
        .getResponse().getStatus()).isEqualTo(404);
    // malformed and unknown ids answer exactly like forbidden ones
    assertThatThrownBy(() -> access.require(auth, "../etc", Capability.LIVE))
        .isInstanceOf(CameraNotFoundException.class).hasMessage("camera not found");
    assertThatThrownBy(() -> access.require(auth, "no-such-camera", Capability.LIVE))
        .isInstanceOf(CameraNotFoundException.class).hasMessage("camera not found");

    users.replaceGrants(op.id(), Set.of());
    assertThat(access.visibleCameras(auth, Capability.LIVE)).isEmpty();
    assertThat(access.permits(auth, camC, Capability.LIVE)).isFalse();
  }

  @Test
  void administratorsAndAllCameraUsersSeeEveryCamera() {
    User admin = users.findByUsername("admin").orElseThrow();
    var adminAuth = UsernamePasswordAuthenticationToken.authenticated(new SignedInUser(admin), null, List.of());
    assertThat(access.allAccess(adminAuth, Capability.CONFIGURE)).isTrue();
    assertThat(access.visibleCameras(adminAuth, Capability.STATS)).contains(camA, camB);
    // an admin without a viewing role configures cameras but does not watch them
    assertThat(access.allAccess(adminAuth, Capability.LIVE)).isFalse();

    User watcher = createUser(unique("watcher"), EnumSet.of(Role.INVESTIGATOR), true, Set.of());
    var w = UsernamePasswordAuthenticationToken.authenticated(new SignedInUser(watcher), null, List.of());
    assertThat(access.allAccess(w, Capability.PLAYBACK)).isTrue();
    assertThat(access.visibleCameras(w, Capability.PLAYBACK)).contains(camA, camB);
    assertThat(access.visibleCameras(w, Capability.CONFIGURE)).isEmpty();
  }

  static MockHttpServletRequestBuilder withCsrf(MockHttpServletRequestBuilder b, HttpMethod m) {
    return m == HttpMethod.GET ? b : b.with(csrf());
  }

  static String path(String pattern, String cameraId) {
    String[] parts = pattern.split("/");
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].startsWith("{")) {
        parts[i] = isCameraVariable(parts, i) ? cameraId : "1";
      }
    }
    return String.join("/", parts);
  }

  static boolean isCameraVariable(String[] parts, int i) {
    return parts[i].toLowerCase().contains("camera") || (i > 0 && parts[i - 1].equals("cameras"));
  }

  List<Endpoint> cameraScopedEndpoints() {
    return allEndpoints().stream().filter(e -> {
      String[] parts = e.pattern().split("/");
      for (int i = 0; i < parts.length; i++) {
        if (parts[i].startsWith("{") && isCameraVariable(parts, i)) {
          return true;
        }
      }
      return false;
    }).toList();
  }

  List<Endpoint> allEndpoints() {
    List<Endpoint> out = new ArrayList<>();
    for (RequestMappingInfoHandlerMapping mapping
        : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
          for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
            out.add(new Endpoint(pattern, m.asHttpMethod()));
          }
        }
      }
    }
    return out;
  }
}
