package id.pantau.web.security;

import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditContext;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.user.InvalidUserException;
import id.pantau.web.user.NewUser;
import id.pantau.web.user.Role;
import id.pantau.web.user.UserAdministration;
import id.pantau.web.user.UserRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The one-time setup page: with the token from the log, creates the first administrator. */
@Controller
class SetupController {
  private final SetupToken setupToken;
  private final UserRepository users;
  private final UserAdministration admin;
  private final AuditTrail audit;

  SetupController(SetupToken setupToken, UserRepository users, UserAdministration admin, AuditTrail audit) {
    this.setupToken = setupToken;
    this.users = users;
    this.admin = admin;
    this.audit = audit;
  }

  @GetMapping("/setup")
  String form(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
    if (!usable(token)) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return "setup-invalid";
    }
    model.addAttribute("token", token);
    model.addAttribute("minLength", admin.policy().minLength());
    return "setup";
  }

  @PostMapping("/setup")
  String create(@RequestParam String token, @RequestParam String username,
      @RequestParam(required = false) String displayName, @RequestParam String password,
      @RequestParam String confirm, Model model, HttpServletRequest request, HttpServletResponse response) {
    synchronized (setupToken) {
      if (!usable(token)) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "setup-invalid";
      }
      try {
        if (!password.equals(confirm)) {
          throw new InvalidUserException("confirm", "user.password.mismatch", "the passwords differ");
        }
        admin.create(new NewUser(username, displayName, password, EnumSet.of(Role.ADMIN), true, Set.of()),
            new AuditContext(username, request.getRemoteAddr()));
      } catch (InvalidUserException e) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("token", token);
        model.addAttribute("minLength", admin.policy().minLength());
        model.addAttribute("username", username);
        model.addAttribute("displayName", displayName);
        model.addAttribute("error", e);
        return "setup";
      }
      setupToken.spend(token);
    }
    audit.record(AuditContext.SYSTEM.event(AuditAction.SETUP_COMPLETED).source(request.getRemoteAddr())
        .details("first administrator=" + UserAdministration.normalizeUsername(username)).build());
    return "redirect:/login?setup";
  }

  private boolean usable(String token) {
    return setupToken.matches(token) && users.count() == 0;
  }
}
