package id.pantau.web.playback;

import id.pantau.web.security.Capability;
import id.pantau.web.security.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page's menu whether to show the playback entry. */
@ControllerAdvice(annotations = Controller.class)
class PlaybackNavAdvice {

  @ModelAttribute("canPlayback")
  boolean canPlayback() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof SignedInUser u
        && Capability.of(u.roles()).contains(Capability.PLAYBACK);
  }
}
