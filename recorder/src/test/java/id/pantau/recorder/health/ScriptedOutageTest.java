package id.pantau.recorder.health;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.health.alert.Alert;
import id.pantau.recorder.health.alert.AlertDispatcher;
import id.pantau.recorder.health.alert.AlertKind;
import id.pantau.recorder.health.alert.AlertPolicy;
import id.pantau.recorder.health.alert.AlertSink;
import id.pantau.recorder.health.alert.AlertStore;
import id.pantau.recorder.health.history.HealthHistory;
import id.pantau.recorder.health.history.HealthReports;
import id.pantau.recorder.health.history.Outage;
import id.pantau.recorder.health.history.SubjectKind;
import id.pantau.recorder.health.history.Uptime;
import id.pantau.recorder.health.probe.CameraAnswers;
import id.pantau.recorder.health.state.CameraHealthState;
import id.pantau.recorder.health.state.LinkHealthState;
import id.pantau.recorder.health.state.ProbeResult;
import id.pantau.recorder.health.state.StreamSample;
import id.pantau.storage.index.IndexDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor driven second by second through a scripted outage with an injected clock (probes and streams
 * scripted, history and alerts in a real H2 index): the figures match the script to the second.
 */
class ScriptedOutageTest {
    static final long T0 = Instant.parse("2026-03-10T00:00:00Z").toEpochMilli();
    static final long S = 1000;

    @TempDir Path dir;

    /** When each camera's video stops and starts again, in seconds after T0. */
    record Dark(long fromS, long toS) {
        boolean at(long t) {
            return t >= T0 + fromS * S && t < T0 + toS * S;
        }
    }

    @Test
    void aLinkOutageAndACameraFaultAreTimedToTheSecondAndAlertedOncePerRootCause() throws Exception {
        MutableClock clock = new MutableClock(T0);
        Dark linkCut = new Dark(100, 400);
        // the recorder reconnects to the link's cameras 2 s after the repair
        Dark linkCameras = new Dark(100, 402);
        Dark cam4 = new Dark(200, 260);
        Map<String, Long> lastVideo = new HashMap<>();
        StreamHealthSource streams = now -> {
            Map<String, StreamSample> m = new HashMap<>();
            for (String id : List.of("c1", "c2", "c3", "c4")) {
                boolean dark = id.equals("c4") ? cam4.at(now) : linkCameras.at(now);
                if (!dark) {
                    lastVideo.put(id, now);
                }
                long age = now - lastVideo.getOrDefault(id, now);
                m.put(id, new StreamSample(!dark, false, 0, dark ? "unreachable: connection refused" : null,
                        dark ? 0 : 25, dark ? 0 : 2_000_000, age, 0));
            }
            return m;
        };
        Topology topology = new Topology(
                List.of(new Topology.LinkSpec("fiber-1", "Fiber Tamalanrea", "FIBER", "Telkom", 100,
                        "tcp://127.0.0.1:9")),
                List.of(camera("c1", "fiber-1"), camera("c2", "fiber-1"), camera("c3", "fiber-1"), camera("c4", null)));
        List<Alert> sent = new CopyOnWriteArrayList<>();
        AlertSink sink = new AlertSink() {
            @Override
            public String name() {
                return "webhook";
            }

            @Override
            public void deliver(Alert alert) {
                sent.add(alert);
            }
        };
        try (IndexDatabase db = IndexDatabase.openFile(dir)) {
            HealthHistory history = new HealthHistory(db.dataSource());
            AlertStore store = new AlertStore(db.dataSource());
            AlertDispatcher dispatcher = new AlertDispatcher(store, List.of(sink));
            HealthMonitor monitor = new HealthMonitor(HealthSettings.defaults(), () -> topology, streams,
                    (target, timeoutMs) -> CompletableFuture.completedFuture(linkCut.at(clock.millis())
                            ? ProbeResult.failed("connection refused", clock.millis())
                            : ProbeResult.answered(3, clock.millis())),
                    new CameraAnswers(Runnable::run), history, new AlertPolicy(new AlertPolicy.Settings(300_000, 30)),
                    dispatcher, clock);
            for (long t = T0; t <= T0 + 600 * S; t += S) {
                clock.set(t);
                monitor.probeLinks();
                monitor.evaluate();
                if (t == T0 + 105 * S) {
                    HealthSnapshot during = monitor.snapshot();
                    assertThat(during.links().get(0).state()).isEqualTo(LinkHealthState.DOWN);
                    assertThat(during.cameras()).filteredOn(c -> !c.id().equals("c4"))
                            .allSatisfy(c -> assertThat(c.state()).isEqualTo(CameraHealthState.LINK_DOWN));
                }
            }
            HealthSnapshot end = monitor.snapshot();
            assertThat(end.cameras()).allSatisfy(c -> assertThat(c.state()).isEqualTo(CameraHealthState.ONLINE));
            assertThat(end.links().get(0).bandwidth().usedBps()).isEqualTo(3 * 2_000_000);
            dispatcher.close();

            HealthReports reports = new HealthReports(history, clock);
            long from = T0;
            long to = T0 + 600 * S;
            Uptime link = reports.uptime(SubjectKind.LINK, "fiber-1", from, to);
            assertThat(link.downMs()).as("the link was cut for 300 s").isEqualTo(300 * S);
            assertThat(link.upMs()).isEqualTo(300 * S);
            Uptime c1 = reports.uptime(SubjectKind.CAMERA, "c1", from, to);
            assertThat(c1.downMs()).as("dark from the cut until the recorder reconnected").isEqualTo(302 * S);
            Uptime c4 = reports.uptime(SubjectKind.CAMERA, "c4", from, to);
            assertThat(c4.downMs()).isEqualTo(60 * S);
            assertThat(reports.outages(SubjectKind.CAMERA, "c4", from, to)).singleElement()
                    .satisfies(o -> assertThat(o.cause()).isEqualTo("CAMERA_FAULT"));
            List<Outage> linkOutages = reports.outages(SubjectKind.LINK, "fiber-1", from, to);
            assertThat(linkOutages).singleElement().satisfies(o -> {
                assertThat(o.startMs()).isEqualTo(T0 + 100 * S);
                assertThat(o.endMs()).isEqualTo(T0 + 400 * S);
            });
            assertThat(reports.outages(SubjectKind.CAMERA, "c2", from, to)).singleElement()
                    .satisfies(o -> assertThat(o.cause()).isEqualTo("LINK_DOWN"));

            // one alert per root cause and change: the link's outage names its three cameras
            List<Alert> stored = store.between(0, Long.MAX_VALUE);
            assertThat(stored).extracting(a -> a.kind() + " " + a.rootKey() + " " + a.state()).containsExactly(
                    "RAISED link:fiber-1 DOWN", "RAISED camera:c4 CAMERA_FAULT", "RECOVERED camera:c4 ONLINE",
                    "RECOVERED link:fiber-1 UP");
            assertThat(stored.get(0).cameras()).containsExactly("c1", "c2", "c3");
            assertThat(stored.get(0).message()).isEqualTo("Link fiber-1 (Fiber Tamalanrea) DOWN: 2 probes failed:"
                    + " connection refused; 3 cameras dark: c1, c2, c3");
            assertThat(stored.get(3).message()).startsWith("Link fiber-1 (Fiber Tamalanrea) recovered (UP) after 5 min 0 s");
            assertThat(sent).hasSize(4);
            assertThat(sent).extracting(Alert::kind).containsExactly(AlertKind.RAISED, AlertKind.RAISED,
                    AlertKind.RECOVERED, AlertKind.RECOVERED);

            monitor.close();
            assertThat(history.lastBefore(SubjectKind.LINK, "fiber-1", Long.MAX_VALUE).orElseThrow().state())
                    .as("a stopped monitor leaves unknown time, not a stretched state").isEqualTo(SubjectKind.UNKNOWN);
        }
    }

    static Topology.CameraSpec camera(String id, String link) {
        return new Topology.CameraSpec(id, "Camera " + id, "site-1", link, "rtsp://127.0.0.1:9/" + id, true, 25, 0);
    }
}
