package id.pantau.web.health;

import id.pantau.recorder.health.HealthSnapshot;
import id.pantau.recorder.health.alert.Alert;
import id.pantau.recorder.health.history.Outage;
import id.pantau.recorder.health.history.SubjectKind;
import id.pantau.web.security.CameraAccess;
import id.pantau.web.security.Capability;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * What of the network a user may see: the cameras they hold STATS on, and the links those cameras sit behind
 * (every link for users who see every camera). A link's camera list shows only the visible cameras.
 */
record HealthVisibility(Set<String> cameras, boolean all) {

  static HealthVisibility of(CameraAccess access, Authentication auth) {
    return new HealthVisibility(access.visibleCameras(auth, Capability.STATS),
        access.allAccess(auth, Capability.STATS));
  }

  boolean any() {
    return all || !cameras.isEmpty();
  }

  boolean seesLink(HealthSnapshot.LinkStatus l) {
    return all || l.cameraIds().stream().anyMatch(cameras::contains);
  }

  HealthSnapshot filter(HealthSnapshot s) {
    List<HealthSnapshot.LinkStatus> links = s.links().stream().filter(this::seesLink)
        .map(l -> all ? l : new HealthSnapshot.LinkStatus(l.id(), l.name(), l.kind(), l.vendor(), l.capacityMbps(),
            l.probeTarget(), l.state(), l.reason(), l.sinceWallMs(), l.inferred(), l.latencyMs(), l.lossRatio(),
            l.bandwidth(), l.cameraIds().stream().filter(cameras::contains).toList()))
        .toList();
    return new HealthSnapshot(s.atWallMs(), links,
        s.cameras().stream().filter(c -> all || cameras.contains(c.id())).toList());
  }

  boolean sees(Alert a, Set<String> visibleLinks) {
    return a.subjectKind() == SubjectKind.LINK ? visibleLinks.contains(a.subjectId())
        : all || cameras.contains(a.subjectId());
  }

  boolean sees(Outage o, Set<String> visibleLinks) {
    return o.kind() == SubjectKind.LINK ? visibleLinks.contains(o.subjectId()) : all || cameras.contains(o.subjectId());
  }
}
