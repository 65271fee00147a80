package id.pantau.web.ui;

import id.pantau.web.security.SignedInUser;
import id.pantau.web.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is signed in, which menu entries to show, the language switch. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

  @ModelAttribute("me")
  SignedInUser me() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof SignedInUser u ? u : null;
  }

  @ModelAttribute("isAdmin")
  boolean isAdmin() {
    SignedInUser u = me();
    return u != null && u.roles().contains(Role.ADMIN);
  }

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // only ever a local path: "//host" would make the language links point elsewhere
    return path.startsWith("/") && !path.startsWith("//") ? path : "/";
  }

  @ModelAttribute("lang")
  String lang(Locale locale) {
    return locale.getLanguage().equals("id") ? "id" : "en";
  }
}
