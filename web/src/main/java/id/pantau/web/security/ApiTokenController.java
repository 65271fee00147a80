package id.pantau.web.security;

import id.pantau.web.audit.AuditContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The caller's own API tokens: list, create (the secret is returned once), revoke. */
@RestController
@RequestMapping("/api/tokens")
class ApiTokenController {
  private final ApiTokens tokens;

  ApiTokenController(ApiTokens tokens) {
    this.tokens = tokens;
  }

  record CreateRequest(String name) {}

  /** The created token: {@code token} is the secret, shown this once. */
  record CreatedToken(long id, String name, String token) {}

  @GetMapping
  List<ApiToken> list(@AuthenticationPrincipal SignedInUser me) {
    return tokens.forUser(me.id());
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  CreatedToken create(@RequestBody(required = false) CreateRequest body, @AuthenticationPrincipal SignedInUser me,
      Authentication auth, HttpServletRequest request) {
    ApiTokens.Created c = tokens.create(me.id(), me.getUsername(), body == null ? null : body.name(),
        AuditContext.of(auth, request));
    return new CreatedToken(c.record().id(), c.record().name(), c.token());
  }

  @DeleteMapping("/{tokenId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable long tokenId, @AuthenticationPrincipal SignedInUser me, Authentication auth,
      HttpServletRequest request) {
    // someone else's token answers like a missing one
    ApiToken t = tokens.find(tokenId).filter(x -> x.userId() == me.id())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    tokens.revoke(t.id(), AuditContext.of(auth, request));
  }
}
