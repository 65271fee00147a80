package id.pantau.web.evidence;

import id.pantau.web.security.SignedInUser;
import id.pantau.web.user.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Whether the menu shows the evidence page: to those who request exports or approve them. */
@ControllerAdvice(annotations = Controller.class)
class EvidenceNavAdvice {

  @ModelAttribute("showEvidence")
  boolean showEvidence() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof SignedInUser u
        && (u.roles().contains(Role.INVESTIGATOR) || u.roles().contains(Role.SUPERVISOR));
  }
}
