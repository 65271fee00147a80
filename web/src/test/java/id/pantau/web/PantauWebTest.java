package id.pantau.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.camera.Transport;
import id.pantau.web.audit.AuditContext;
import id.pantau.web.security.SignedInUser;
import id.pantau.web.user.Grant;
import id.pantau.web.user.NewUser;
import id.pantau.web.user.Role;
import id.pantau.web.user.User;
import id.pantau.web.user.UserAdministration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The application as deployed (real H2 file, embedded S3, security chain, Tomcat on a random port) without demo
 * cameras, shared by every test class that extends it: same properties, one cached context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class PantauWebTest {
  /** The first administrator's password, given as VMS_ADMIN_PASSWORD would be. */
  public static final String ADMIN_PASSWORD = "correct-horse-battery-staple";
  private static final AtomicInteger SEQ = new AtomicInteger();
  protected static Path dataDir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry r) throws Exception {
    dataDir = Files.createTempDirectory("pantau-web");
    r.add("vms.data-dir", dataDir::toString);
    r.add("vms.storage.embedded-s3.port", () -> "0");
    r.add("vms.demo.enabled", () -> "false");
    r.add("vms.security.admin-password", () -> ADMIN_PASSWORD);
    // test cameras point at addresses nobody serves; nothing may connect to them
    r.add("vms.recorder.enabled", () -> "false");
    r.add("vms.health.camera-probes-enabled", () -> "false");
    // the RTSP restream on any free port of the loopback: test JVMs run side by side
    r.add("vms.live.rtsp-port", () -> "0");
    r.add("vms.live.bind-address", () -> "127.0.0.1");
  }

  @LocalServerPort protected int port;
  @Autowired protected MockMvc mvc;
  @Autowired protected UserAdministration userAdmin;
  @Autowired protected CameraRepository cameras;

  /** A name not used by any other test in this context. */
  protected static String unique(String prefix) {
    return prefix + "-" + SEQ.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36);
  }

  protected String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Creates a user with a password equal to ADMIN_PASSWORD. */
  protected User createUser(String username, Set<Role> roles, boolean allCameras, Set<Grant> grants) {
    return userAdmin.create(new NewUser(username, null, ADMIN_PASSWORD, roles, allCameras, grants),
        AuditContext.SYSTEM);
  }

  protected Camera createCamera(String id, String siteId) {
    return cameras.save(new Camera(id, "Camera " + id, siteId, null, "rtsp://10.20.0.5:554/" + id, null, "viewer",
        "cam-secret-" + id, Transport.TCP, true, 30, null));
  }

  /** Signs the MockMvc request in as this user, the way a session would after form sign-in. */
  protected static RequestPostProcessor as(User u) {
    SignedInUser principal = new SignedInUser(u);
    principal.eraseCredentials();
    return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
        principal.getAuthorities()));
  }
}
