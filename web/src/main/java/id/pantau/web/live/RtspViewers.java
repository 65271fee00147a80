package id.pantau.web.live;

import id.pantau.recorder.live.LiveStream;
import id.pantau.recorder.live.RestreamGuard;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditEvent;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.security.ApiTokens;
import id.pantau.web.security.CameraAccess;
import id.pantau.web.security.Capability;
import id.pantau.web.security.SignedInUser;
import id.pantau.web.user.User;
import id.pantau.web.user.UserRepository;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Who may watch over the RTSP restream: RTSP Basic credentials of a Pantau user (the password checked by the same
 * authentication manager, and sign-in throttle, as the sign-in form), or an API token given as the password, and
 * the LIVE permission on the camera. Digest cannot be offered: it needs the plain password or an MD5 of it on the
 * server, and Pantau keeps only Argon2 hashes.
 */
@Component
class RtspViewers implements RestreamGuard {
  static final String VIA = "rtsp";

  private final AuthenticationManager authentication;
  private final ApiTokens tokens;
  private final UserRepository users;
  private final CameraAccess access;
  private final CameraRepository cameras;
  private final AuditTrail audit;
  private final LiveAudit liveAudit;

  RtspViewers(AuthenticationManager authentication, ApiTokens tokens, UserRepository users, CameraAccess access,
      CameraRepository cameras, AuditTrail audit, LiveAudit liveAudit) {
    this.authentication = authentication;
    this.tokens = tokens;
    this.users = users;
    this.access = access;
    this.cameras = cameras;
    this.audit = audit;
    this.liveAudit = liveAudit;
  }

  @Override
  public Admission admit(String authorization, String cameraId, LiveStream stream, String remoteAddress) {
    Optional<String[]> basic = basic(authorization);
    if (basic.isEmpty()) {
      return new Admission.Unauthenticated();
    }
    Optional<Authentication> user = signIn(basic.get()[0], basic.get()[1], remoteAddress);
    if (user.isEmpty()) {
      return new Admission.Unauthenticated();
    }
    Optional<Camera> camera = cameras.find(cameraId);
    if (camera.isEmpty() || !access.permits(user.get(), cameraId, Capability.LIVE)
        || (stream == LiveStream.SUB && !camera.get().hasSubStream())) {
      return new Admission.NotFound();
    }
    return new Admission.Admitted(user.get().getName(), LiveStreams.feedFor(camera.get(), stream));
  }

  @Override
  public void started(Admission.Admitted viewer, String remoteAddress) {
    liveAudit.started(viewer.user(), viewer.key(), remoteAddress, VIA);
  }

  @Override
  public void stopped(Admission.Admitted viewer, String remoteAddress, long durationMs) {
    liveAudit.stopped(viewer.user(), viewer.key(), remoteAddress, VIA, durationMs, null);
  }

  /** An API token as the password signs in its owner (any user name, or the owner's); else the password itself. */
  private Optional<Authentication> signIn(String username, String password, String remoteAddress) {
    if (password.startsWith(ApiTokens.PREFIX)) {
      Optional<User> owner = tokens.authenticate(password).flatMap(users::findById).filter(User::enabled)
          .filter(u -> username.isEmpty() || u.username().equals(username));
      if (owner.isEmpty()) {
        failed(username, remoteAddress, "rtsp: unknown or revoked API token");
      }
      return owner.map(u -> {
        SignedInUser principal = new SignedInUser(u);
        principal.eraseCredentials();
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
      });
    }
    UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
        password);
    attempt.setDetails(new WebAuthenticationDetails(remoteAddress, null));
    try {
      return Optional.of(authentication.authenticate(attempt));
    } catch (AuthenticationException e) {
      failed(username, remoteAddress, "rtsp: " + e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private void failed(String username, String remoteAddress, String details) {
    audit.record(AuditEvent.of(AuditAction.SIGN_IN_FAILED).actor(username.isBlank() ? "(none)" : username)
        .source(remoteAddress).details(details).build());
  }

  /** User name and password of an RTSP Basic Authorization header. */
  static Optional<String[]> basic(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
          StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? Optional.empty()
          : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
