package id.pantau.web.ui;

import id.pantau.web.audit.AuditContext;
import id.pantau.web.site.SiteRepository;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.web.user.Grant;
import id.pantau.web.user.InvalidUserException;
import id.pantau.web.user.NewUser;
import id.pantau.web.user.Role;
import id.pantau.web.user.User;
import id.pantau.web.user.UserAdministration;
import id.pantau.web.user.UserNotFoundException;
import id.pantau.web.user.UserRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Users, roles and camera/site grants (administrators only, enforced for /users/** in the security chain). */
@Controller
@RequestMapping("/users")
class UsersPageController {
  private final UserRepository users;
  private final UserAdministration admin;
  private final CameraRepository cameras;
  private final SiteRepository sites;

  UsersPageController(UserRepository users, UserAdministration admin, CameraRepository cameras,
      SiteRepository sites) {
    this.users = users;
    this.admin = admin;
    this.cameras = cameras;
    this.sites = sites;
  }

  /** A user with their grants, for the list. */
  record Row(User user, Set<Grant> grants) {}

  @GetMapping
  String list(Model model) {
    model.addAttribute("rows", users.findAll().stream().map(u -> new Row(u, users.grants(u.id()))).toList());
    return "users/list";
  }

  @GetMapping("/new")
  String newForm(Model model) {
    return form(model, null, Set.of());
  }

  @PostMapping
  String create(@RequestParam String username, @RequestParam(required = false) String displayName,
      @RequestParam String password, @RequestParam(required = false) List<Role> roles,
      @RequestParam(defaultValue = "false") boolean allCameras,
      @RequestParam(required = false) List<String> cameraGrants,
      @RequestParam(required = false) List<String> siteGrants, Model model, Authentication auth,
      HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
    try {
      User u = admin.create(new NewUser(username, displayName, password, roles(roles), allCameras,
          grants(cameraGrants, siteGrants)), AuditContext.of(auth, request));
      redirect.addFlashAttribute("saved", u.username());
      return "redirect:/users";
    } catch (InvalidUserException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e);
      model.addAttribute("username", username);
      model.addAttribute("displayName", displayName);
      return form(model, null, Set.of());
    }
  }

  @GetMapping("/{userId}")
  String edit(@PathVariable long userId, Model model) {
    User u = users.findById(userId).orElseThrow(() -> new UserNotFoundException(userId));
    return form(model, u, users.grants(userId));
  }

  @PostMapping("/{userId}")
  String update(@PathVariable long userId, @RequestParam(required = false) String displayName,
      @RequestParam(required = false) List<Role> roles, @RequestParam(defaultValue = "false") boolean enabled,
      @RequestParam(defaultValue = "false") boolean allCameras,
      @RequestParam(required = false) List<String> cameraGrants,
      @RequestParam(required = false) List<String> siteGrants, Model model, Authentication auth,
      HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
    User before = users.findById(userId).orElseThrow(() -> new UserNotFoundException(userId));
    try {
      User u = admin.update(userId, displayName, roles(roles), enabled, allCameras,
          grants(cameraGrants, siteGrants), AuditContext.of(auth, request));
      redirect.addFlashAttribute("saved", u.username());
      return "redirect:/users";
    } catch (InvalidUserException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e);
      return form(model, before, users.grants(userId));
    }
  }

  @PostMapping("/{userId}/password")
  String resetPassword(@PathVariable long userId, @RequestParam String password, Model model,
      Authentication auth, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
    User u = users.findById(userId).orElseThrow(() -> new UserNotFoundException(userId));
    try {
      admin.changePassword(userId, password, AuditContext.of(auth, request));
    } catch (InvalidUserException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e);
      return form(model, u, users.grants(userId));
    }
    redirect.addFlashAttribute("passwordReset", u.username());
    return "redirect:/users";
  }

  private String form(Model model, User user, Set<Grant> grants) {
    model.addAttribute("user", user);
    model.addAttribute("allRoles", Role.values());
    model.addAttribute("cameras", cameras.findAll());
    model.addAttribute("sites", sites.sites());
    model.addAttribute("grantedCameras", grants.stream().filter(g -> g.scope().name().equals("CAMERA"))
        .map(Grant::targetId).toList());
    model.addAttribute("grantedSites", grants.stream().filter(g -> g.scope().name().equals("SITE"))
        .map(Grant::targetId).toList());
    model.addAttribute("minLength", admin.policy().minLength());
    return "users/form";
  }

  private static Set<Role> roles(List<Role> roles) {
    return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  private static Set<Grant> grants(List<String> cameraIds, List<String> siteIds) {
    Set<Grant> g = new LinkedHashSet<>();
    if (cameraIds != null) {
      cameraIds.forEach(id -> g.add(Grant.camera(id)));
    }
    if (siteIds != null) {
      siteIds.forEach(id -> g.add(Grant.site(id)));
    }
    return g;
  }
}
