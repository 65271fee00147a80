package id.pantau.web.ui;

import id.pantau.web.audit.AuditContext;
import id.pantau.web.security.ApiToken;
import id.pantau.web.security.ApiTokens;
import id.pantau.web.security.SignedInUser;
import id.pantau.web.user.InvalidUserException;
import id.pantau.web.user.UserAdministration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own page: change password, create and revoke API tokens. */
@Controller
class AccountPageController {
  private final ApiTokens tokens;
  private final UserAdministration admin;

  AccountPageController(ApiTokens tokens, UserAdministration admin) {
    this.tokens = tokens;
    this.admin = admin;
  }

  @GetMapping("/account")
  String account(@AuthenticationPrincipal SignedInUser me, Model model) {
    model.addAttribute("tokens", tokens.forUser(me.id()));
    model.addAttribute("minLength", admin.policy().minLength());
    return "account";
  }

  @PostMapping("/account/password")
  String changePassword(@RequestParam String password, @RequestParam String confirm,
      @AuthenticationPrincipal SignedInUser me, Authentication auth, Model model, HttpServletRequest request,
      HttpServletResponse response) {
    try {
      if (!password.equals(confirm)) {
        throw new InvalidUserException("confirm", "user.password.mismatch", "the passwords differ");
      }
      admin.changePassword(me.id(), password, AuditContext.of(auth, request));
    } catch (InvalidUserException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e);
      return account(me, model);
    }
    // the password change ends every session of this user, this one included
    return "redirect:/login?passwordChanged";
  }

  @PostMapping("/account/tokens")
  String createToken(@RequestParam(required = false) String name, @AuthenticationPrincipal SignedInUser me,
      Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
    ApiTokens.Created c = tokens.create(me.id(), me.getUsername(), name, AuditContext.of(auth, request));
    redirect.addFlashAttribute("newToken", c.token());
    return "redirect:/account";
  }

  @PostMapping("/account/tokens/{tokenId}/revoke")
  String revoke(@PathVariable long tokenId, @AuthenticationPrincipal SignedInUser me, Authentication auth,
      HttpServletRequest request) {
    ApiToken t = tokens.find(tokenId).filter(x -> x.userId() == me.id())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    tokens.revoke(t.id(), AuditContext.of(auth, request));
    return "redirect:/account";
  }
}
