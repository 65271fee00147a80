package id.pantau.recorder.health;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.health.alert.AlertDispatcher;
import id.pantau.recorder.health.alert.AlertPolicy;
import id.pantau.recorder.health.alert.AlertStore;
import id.pantau.recorder.health.alert.MqttSink;
import id.pantau.recorder.health.alert.WebhookSink;
import id.pantau.recorder.health.history.HealthHistory;
import id.pantau.recorder.health.history.HealthReports;
import id.pantau.recorder.health.history.RecordingCoverage;
import id.pantau.recorder.health.history.SubjectKind;
import id.pantau.recorder.health.probe.CameraAnswers;
import id.pantau.recorder.health.probe.LinkProbes;
import id.pantau.recorder.health.sim.LinkSimulator;
import id.pantau.recorder.health.state.CameraHealthState;
import id.pantau.recorder.health.state.CameraThresholds;
import id.pantau.recorder.health.state.LinkHealthState;
import id.pantau.recorder.health.state.LinkThresholds;
import id.pantau.recorder.ingest.CameraRecorder;
import id.pantau.recorder.ingest.Ingest;
import id.pantau.recorder.node.RecorderNode;
import id.pantau.recorder.testing.Await;
import id.pantau.recorder.upload.SegmentUploader;
import id.pantau.recorder.virtualcam.MediaFixtures;
import id.pantau.recorder.virtualcam.MountControl;
import id.pantau.recorder.virtualcam.VirtualCameraServer;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.index.IndexDatabase;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.s3.EmbeddedS3;
import id.pantau.storage.s3.MinioObjectStore;
import id.pantau.storage.secret.SecretCipher;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test with real parts only: a recorder node records three virtual cameras through one
 * {@link LinkSimulator} (their link, probed at the proxy) and a fourth camera directly. Cutting the link makes it
 * DOWN and its cameras LINK_DOWN within 10 s with exactly one alert, delivered to a real webhook receiver
 * (signature checked) and a real MQTT broker; restoring it sends one recovery notice; a camera stopped behind
 * the working link is CAMERA_FAULT.
 */
class LinkOutageTest {
    static final String SECRET = "noc-webhook-secret";
    static final List<String> BEHIND_LINK = List.of("cam-a", "cam-b", "cam-c");

    @TempDir Path dataDir;

    static HealthSettings fastSettings() {
        HealthSettings d = HealthSettings.defaults();
        return new HealthSettings(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(700), 10,
                Duration.ofSeconds(10), Duration.ofSeconds(30), new LinkThresholds(2, 2, 0.2, 250),
                new CameraThresholds(3_000, 0.5, 3, 20_000), Duration.ofSeconds(5), d.degradedHold(),
                Duration.ofSeconds(2), Duration.ofSeconds(20), 2, 25, 0, d.reconnectWindow(), 0.8,
                new AlertPolicy.Settings(300_000, 30));
    }

    @Test
    void aCutLinkIsOneAlertAndADeadCameraBehindAWorkingLinkIsItsOwnFault() throws Exception {
        try (VirtualCameraServer cams = new VirtualCameraServer(new InetSocketAddress("127.0.0.1", 0));
             EmbeddedS3 s3 = new EmbeddedS3(dataDir, 0).start();
             IndexDatabase db = IndexDatabase.openFile(dataDir);
             AlertReceivers receivers = new AlertReceivers(SECRET)) {
            for (String path : List.of("cam1/main", "cam2/main", "cam3/main", "cam4/main")) {
                cams.mount(path, MediaFixtures.subH264());
            }
            cams.start();
            try (LinkSimulator link = new LinkSimulator(new InetSocketAddress("127.0.0.1", 0),
                    new InetSocketAddress("127.0.0.1", cams.port())).start();
                 MinioObjectStore store = new MinioObjectStore(s3.settings("segments"))) {
                store.ensureBucket();
                String viaLink = "rtsp://127.0.0.1:" + link.port() + "/";
                CameraRepository repo = new CameraRepository(db.dataSource(),
                        SecretCipher.load(null, dataDir.resolve("secret.key")), Clock.systemUTC());
                List<Camera> cameras = List.of(camera(repo, "cam-a", viaLink + "cam1/main", "fiber-sim"),
                        camera(repo, "cam-b", viaLink + "cam2/main", "fiber-sim"),
                        camera(repo, "cam-c", viaLink + "cam3/main", "fiber-sim"),
                        camera(repo, "cam-d", cams.url("cam4/main"), null));
                Topology topology = new Topology(List.of(new Topology.LinkSpec("fiber-sim", "Simulated fiber",
                        "FIBER", "Telkom", 10, "tcp://127.0.0.1:" + link.port())),
                        cameras.stream().map(c -> new Topology.CameraSpec(c.id(), c.name(), null, c.linkId(),
                                c.mainUrl(), true, 25, 0)).toList());
                SegmentIndex index = new SegmentIndex(db.dataSource());
                HealthHistory history = new HealthHistory(db.dataSource());
                AlertStore alerts = new AlertStore(db.dataSource());
                try (SegmentUploader uploader = new SegmentUploader(store, index, 2, n -> 500);
                     RecorderNode node = new RecorderNode(new RecorderNode.Settings("local",
                             dataDir.resolve("spool"), Duration.ofSeconds(4)), uploader,
                             (config, spool) -> CameraRecorder.rtsp(config, uploader, Ingest.NETTY, spool));
                     LinkProbes probes = new LinkProbes(2, Clock.systemUTC());
                     AlertDispatcher dispatcher = new AlertDispatcher(alerts, List.of(
                             new WebhookSink(URI.create(receivers.webhookUrl()), SECRET, Duration.ofSeconds(3)),
                             new MqttSink(receivers.mqttUri(), "pantau-test", "pantau/health", null, null, 3)));
                     HealthMonitor monitor = new HealthMonitor(fastSettings(), () -> topology,
                             new RecorderStreams(node::statuses, Duration.ofMinutes(5)), probes,
                             new CameraAnswers(probes.blockingPool()), history,
                             new AlertPolicy(fastSettings().alerts()), dispatcher, Clock.systemUTC())) {
                    node.sync(cameras);
                    monitor.start();
                    waitFor(monitor, "everything up", 40_000, s -> linkIs(s, LinkHealthState.UP)
                            && s.cameras().stream().allMatch(c -> c.state() == CameraHealthState.ONLINE));
                    assertThat(monitor.snapshot().links().get(0).bandwidth().usedBps()).as("three streams")
                            .isGreaterThan(3 * 100_000L);

                    long cutAt = System.currentTimeMillis();
                    link.cut();
                    long downMs = waitFor(monitor, "link DOWN and its cameras LINK_DOWN", 10_000,
                            s -> linkIs(s, LinkHealthState.DOWN) && BEHIND_LINK.stream()
                                    .allMatch(id -> cameraIs(s, id, CameraHealthState.LINK_DOWN)));
                    Await.millisUntil(() -> receivers.webhook.size() >= 1 && receivers.mqtt.size() >= 1, 5_000,
                            "the link alert at both receivers");
                    Thread.sleep(3_000);
                    assertThat(cameraIs(monitor.snapshot(), "cam-d", CameraHealthState.ONLINE))
                            .as("a camera on another path is untouched").isTrue();
                    assertThat(receivers.webhook).as("exactly one alert for the cut, not one per camera").hasSize(1);
                    assertThat(receivers.mqtt).hasSize(1);
                    AlertReceivers.Received hook = receivers.webhook.get(0);
                    assertThat(hook.signatureValid()).as("HMAC-SHA256 signature").isTrue();
                    assertThat(hook.body()).contains("\"kind\":\"RAISED\"", "\"rootCause\":\"link:fiber-sim\"",
                            "\"state\":\"DOWN\"", "\"cameras\":[\"cam-a\",\"cam-b\",\"cam-c\"]");
                    assertThat(receivers.mqtt.get(0).topicOrPath()).isEqualTo("pantau/health/link/fiber-sim");
                    assertThat(receivers.mqtt.get(0).body()).isEqualTo(hook.body());

                    Thread.sleep(4_000);
                    long restoredAt = System.currentTimeMillis();
                    link.restore();
                    long recoveryMs = Await.millisUntil(() -> receivers.webhook.size() >= 2
                            && receivers.mqtt.size() >= 2, 15_000, "the recovery notice");
                    assertThat(receivers.webhook.get(1).body()).contains("\"kind\":\"RECOVERED\"",
                            "\"rootCause\":\"link:fiber-sim\"", "\"state\":\"UP\"");
                    assertThat(receivers.webhook.get(1).signatureValid()).isTrue();
                    long camerasBackMs = waitFor(monitor, "the cameras back", 30_000,
                            s -> s.cameras().stream().allMatch(c -> c.state() == CameraHealthState.ONLINE));
                    System.out.printf("link cut: DOWN with its cameras LINK_DOWN after %d ms; restored: recovery"
                            + " notice after %d ms, cameras ONLINE after %d ms%n", downMs, recoveryMs, camerasBackMs);

                    MountControl cam2 = cams.control("cam2/main");
                    cam2.setRefuseConnections(true);
                    cam2.disconnectAll();
                    long faultMs = waitFor(monitor, "cam-b CAMERA_FAULT", 20_000,
                            s -> cameraIs(s, "cam-b", CameraHealthState.CAMERA_FAULT));
                    HealthSnapshot fault = monitor.snapshot();
                    assertThat(linkIs(fault, LinkHealthState.UP)).as("the link stays up").isTrue();
                    assertThat(cameraIs(fault, "cam-a", CameraHealthState.ONLINE)).isTrue();
                    Await.millisUntil(() -> receivers.webhook.size() >= 3 && receivers.mqtt.size() >= 3, 5_000,
                            "the camera's alert");
                    assertThat(receivers.webhook.get(2).body()).contains("\"rootCause\":\"camera:cam-b\"",
                            "\"state\":\"CAMERA_FAULT\"");
                    System.out.printf("camera stopped behind a working link: CAMERA_FAULT after %d ms%n", faultMs);
                    cam2.setRefuseConnections(false);
                    waitFor(monitor, "cam-b back", 30_000, s -> cameraIs(s, "cam-b", CameraHealthState.ONLINE));
                    // the two sinks deliver independently: wait for both
                    Await.millisUntil(() -> receivers.webhook.size() >= 4 && receivers.mqtt.size() >= 4, 5_000,
                            "the camera's recovery");
                    assertThat(receivers.webhook).hasSize(4);
                    assertThat(receivers.mqtt).hasSize(4);
                    // the status is written just after the receiver has the message
                    Await.millisUntil(() -> alerts.recent(10).stream().allMatch(a -> a.mqttStatus() != null
                            && a.webhookStatus() != null), 5_000, "delivery statuses");
                    assertThat(alerts.recent(10)).allSatisfy(a -> {
                        assertThat(a.webhookStatus()).isEqualTo("delivered");
                        assertThat(a.mqttStatus()).isEqualTo("delivered");
                    });

                    // the history holds the outage as it happened, within the probe interval
                    HealthReports reports = new HealthReports(history, Clock.systemUTC());
                    long outageMs = restoredAt - cutAt;
                    long down = reports.uptime(SubjectKind.LINK, "fiber-sim", cutAt - 60_000,
                            System.currentTimeMillis()).downMs();
                    assertThat(down).isBetween(outageMs - 1_500, outageMs + 1_500);
                    RecordingCoverage coverage = RecordingCoverage.of(index.segments("cam-a", "main", 0,
                            Long.MAX_VALUE), cutAt - 5_000, restoredAt, 0);
                    assertThat(coverage.recordedMs()).as("nothing recorded through a cut link")
                            .isLessThan(restoredAt - cutAt);
                }
            }
        }
    }

    static Camera camera(CameraRepository repo, String id, String url, String linkId) {
        return repo.save(new Camera(id, id, null, linkId, url, null, null, null, null, true, 7, null));
    }

    static boolean linkIs(HealthSnapshot s, LinkHealthState state) {
        return !s.links().isEmpty() && s.links().get(0).state() == state;
    }

    static boolean cameraIs(HealthSnapshot s, String id, CameraHealthState state) {
        return s.cameras().stream().anyMatch(c -> c.id().equals(id) && c.state() == state);
    }

    static long waitFor(HealthMonitor m, String what, long timeoutMs, Predicate<HealthSnapshot> p)
            throws InterruptedException {
        return Await.millisUntil(() -> p.test(m.snapshot()), timeoutMs, what + " (now " + m.snapshot() + ")");
    }
}
