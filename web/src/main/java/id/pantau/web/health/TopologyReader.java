package id.pantau.web.health;

import id.pantau.recorder.health.Topology;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.web.site.SiteRepository;
import java.util.Map;
import java.util.function.Supplier;

/** Links and cameras from the index, with each camera's expectation, as the health monitor reads them. */
class TopologyReader implements Supplier<Topology> {
  private final SiteRepository sites;
  private final CameraRepository cameras;
  private final CameraExpectations expectations;

  TopologyReader(SiteRepository sites, CameraRepository cameras, CameraExpectations expectations) {
    this.sites = sites;
    this.cameras = cameras;
    this.expectations = expectations;
  }

  @Override
  public Topology get() {
    Map<String, CameraExpectations.Expectation> exp = expectations.all();
    return new Topology(
        sites.links().stream().map(l -> new Topology.LinkSpec(l.id(), l.name(), l.kind(), l.vendor(),
            l.capacityMbps(), l.probeTarget())).toList(),
        cameras.findAll().stream().map(c -> {
          CameraExpectations.Expectation e = exp.get(c.id());
          double fps = e == null || e.expectedFps() == null ? 0 : e.expectedFps();
          long bps = e == null || e.minBitrateKbps() == null ? 0 : e.minBitrateKbps() * 1000L;
          // the probe never needs the password: a 401 already shows the camera is there
          return new Topology.CameraSpec(c.id(), c.name(), c.siteId(), c.linkId(), c.mainUrl(), c.enabled(), fps,
              bps);
        }).toList());
  }
}
