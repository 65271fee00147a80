package id.pantau.web.ui;

import id.pantau.web.security.SignInThrottle;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the form posts to Spring Security's /login. */
@Controller
class LoginController {
  private final SignInThrottle throttle;

  LoginController(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("lockoutMinutes", Math.max(1, throttle.lockout().toMinutes()));
    return "login";
  }

  @GetMapping("/")
  String home() {
    return "redirect:/cameras";
  }
}
