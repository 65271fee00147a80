package id.pantau.web.health;

import id.pantau.web.security.Capability;
import id.pantau.web.security.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Whether the menu shows the NOC entry: for roles with STATS (technicians and administrators). */
@ControllerAdvice(annotations = Controller.class)
class NocNavAdvice {

  @ModelAttribute("seesNoc")
  boolean seesNoc() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof SignedInUser u
        && Capability.of(u.roles()).contains(Capability.STATS);
  }
}
