package id.pantau.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.web.PantauWebTest;
import id.pantau.web.audit.AuditContext;
import id.pantau.web.user.UserRepository;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ids that try to climb out of their place (../, encoded, double-encoded, absolute, NUL, backslash) get a 4xx
 * from every endpoint that takes an id, even for an administrator; never a 200 and never a server error. Sent
 * over a raw socket so no client library normalises the path first.
 */
class PathTraversalTest extends PantauWebTest {
  static final List<String> HOSTILE_IDS = List.of("..", "../..", "..%2F..%2Fetc%2Fpasswd", "%2e%2e",
      "%2e%2e%2f%2e%2e%2fetc", "%252e%252e%252fetc%252fpasswd", "..%5C..%5Cwindows", "%2Fetc%2Fpasswd",
      "/etc/passwd", "..;", "cam%00", "C:%5Cdata", "....//....//etc");
  static final List<String> PATTERNS = List.of("/cameras/{id}/edit", "/cameras/{id}", "/cameras/{id}/delete",
      "/users/{id}", "/api/tokens/{id}", "/account/tokens/{id}/revoke");

  @Autowired ApiTokens tokens;
  @Autowired UserRepository users;

  @Test
  void hostileIdsGetAClientError() throws Exception {
    long adminId = users.findByUsername("admin").orElseThrow().id();
    String token = tokens.create(adminId, "admin", "traversal-test", AuditContext.SYSTEM).token();
    List<String> bad = new ArrayList<>();
    int checked = 0;
    for (String pattern : PATTERNS) {
      for (String id : HOSTILE_IDS) {
        for (String method : List.of("GET", "POST", "DELETE")) {
          String path = pattern.replace("{id}", id);
          int status = status(method, path, token);
          checked++;
          if (status < 400 || status >= 500) {
            bad.add(method + " " + path + " -> " + status);
          }
        }
      }
    }
    assertThat(bad).as("requests with hostile ids that were not refused with 4xx").isEmpty();
    assertThat(checked).isEqualTo(PATTERNS.size() * HOSTILE_IDS.size() * 3);
  }

  /** Sends the request line byte for byte and returns the status code. */
  int status(String method, String rawPath, String token) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write((method + " " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
          + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String statusLine = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))
          .readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }
}
