package id.pantau.web.playback;

import id.pantau.storage.camera.CameraRepository;
import id.pantau.web.security.CameraAccess;
import id.pantau.web.security.Capability;
import id.pantau.web.site.SiteTimes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The playback page: up to four cameras the user may play back, a day, timelines and synchronized players. */
@Controller
class PlaybackPageController {
  static final int MAX_CAMERAS = 4;

  private final CameraRepository cameras;
  private final CameraAccess access;
  private final SiteTimes times;
  private final Clock clock;

  PlaybackPageController(CameraRepository cameras, CameraAccess access, SiteTimes times, Clock clock) {
    this.cameras = cameras;
    this.access = access;
    this.times = times;
    this.clock = clock;
  }

  /** A camera to choose. */
  record Choice(String id, String name) {}

  @GetMapping("/playback")
  String page(Authentication auth, Model model) {
    Set<String> ids = access.visibleCameras(auth, Capability.PLAYBACK);
    List<Choice> choices = cameras.findAll().stream().filter(c -> ids.contains(c.id()))
        .map(c -> new Choice(c.id(), c.name() == null ? c.id() : c.name())).toList();
    model.addAttribute("choices", choices);
    model.addAttribute("maxCameras", MAX_CAMERAS);
    model.addAttribute("defaultZone", times.defaultZone().getId());
    model.addAttribute("today", LocalDate.now(clock.withZone(times.defaultZone())).toString());
    return "playback";
  }
}
