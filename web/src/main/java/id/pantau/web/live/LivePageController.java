package id.pantau.web.live;

import id.pantau.recorder.live.RestreamServer;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.web.security.CameraAccess;
import id.pantau.web.security.Capability;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The live wall: a grid of 1, 4, 9 or 16 tiles of the cameras the user may watch. */
@Controller
class LivePageController {
  private final CameraAccess access;
  private final CameraRepository cameras;
  private final ObjectProvider<RestreamServer> restream;

  LivePageController(CameraAccess access, CameraRepository cameras,
      ObjectProvider<RestreamServer> restream) {
    this.access = access;
    this.cameras = cameras;
    this.restream = restream;
  }

  /** A camera the picker offers. */
  record Choice(String id, String name) {}

  @GetMapping("/live")
  String live(Authentication auth, Model model) {
    Set<String> visible = access.visibleCameras(auth, Capability.LIVE);
    List<Choice> choices = cameras.findAll().stream().filter(c -> visible.contains(c.id())).filter(Camera::enabled)
        .map(c -> new Choice(c.id(), c.name())).toList();
    model.addAttribute("cameras", choices);
    model.addAttribute("rtspPort", Optional.ofNullable(restream.getIfAvailable())
        .filter(RestreamServer::running).map(RestreamServer::port).orElse(null));
    return "live";
  }
}
