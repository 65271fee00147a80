package id.pantau.web.motion;

import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.motion.MotionEvent;
import id.pantau.storage.motion.MotionEvents;
import id.pantau.storage.motion.MotionSettings;
import id.pantau.storage.motion.MotionSettingsRepository;
import id.pantau.web.security.CameraAccess;
import id.pantau.web.security.Capability;
import id.pantau.web.site.SiteTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Motion pages: cameras with their motion state, a camera's recent events, and the zones editor. */
@Controller
class MotionPagesController {
  static final Duration EVENTS_SHOWN = Duration.ofHours(24);

  private final CameraRepository cameras;
  private final MotionSettingsRepository settings;
  private final MotionEvents events;
  private final CameraAccess access;
  private final SiteTimes times;
  private final Clock clock;

  MotionPagesController(CameraRepository cameras, MotionSettingsRepository settings, MotionEvents events,
      CameraAccess access, SiteTimes times, Clock clock) {
    this.cameras = cameras;
    this.settings = settings;
    this.events = events;
    this.access = access;
    this.times = times;
    this.clock = clock;
  }

  /** One camera on the overview. */
  record CameraRow(Camera camera, boolean motionOn, boolean configurable, boolean viewable) {}

  /** One event as the list shows it: times in the camera's zone. */
  record EventRow(long id, String start, String end, String peakPercent, String snapshot) {}

  @GetMapping("/motion")
  String overview(Authentication auth, Model model) {
    Set<String> visible = access.visibleCameras(auth);
    Set<String> configurable = access.visibleCameras(auth, Capability.CONFIGURE);
    Set<String> live = access.visibleCameras(auth, Capability.LIVE);
    Set<String> playback = access.visibleCameras(auth, Capability.PLAYBACK);
    Map<String, MotionSettings> all = settings.all();
    model.addAttribute("rows", cameras.findAll().stream().filter(c -> visible.contains(c.id()))
        .map(c -> new CameraRow(c, all.containsKey(c.id()) && all.get(c.id()).enabled(),
            configurable.contains(c.id()), live.contains(c.id()) || playback.contains(c.id())))
        .toList());
    return "motion/overview";
  }

  @GetMapping("/cameras/{id}/events")
  String events(@PathVariable String id, Authentication auth, Model model) {
    EventAccess.require(access, auth, id);
    long now = clock.millis();
    Map<String, ZoneId> zones = times.cameraZones();
    List<MotionEvent> found = new ArrayList<>(events.between(id, now - EVENTS_SHOWN.toMillis(), now + 1));
    Collections.reverse(found);
    model.addAttribute("camera", cameras.find(id).orElseThrow());
    model.addAttribute("events", found.stream().map(e -> new EventRow(e.id(),
        times.format(e.startWallMs(), id, zones), e.endWallMs() == null ? null : times.format(e.endWallMs(), id, zones),
        String.format(Locale.ROOT, "%.1f", e.peakScore() * 100), EventView.snapshotPath(e))).toList());
    return "motion/events";
  }

  @GetMapping("/cameras/{id}/motion")
  String zones(@PathVariable String id, Authentication auth, Model model) {
    access.require(auth, id, Capability.CONFIGURE);
    model.addAttribute("camera", cameras.find(id).orElseThrow());
    return "motion/zones";
  }
}
