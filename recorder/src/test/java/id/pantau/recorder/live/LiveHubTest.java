package id.pantau.recorder.live;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.ingest.CameraConfig;
import id.pantau.recorder.ingest.CameraRecorder;
import id.pantau.recorder.ingest.JavaCvStreamOpener;
import id.pantau.recorder.ingest.PacketTap;
import id.pantau.recorder.testing.Await;
import id.pantau.recorder.testing.CollectingSink;
import id.pantau.recorder.virtualcam.MediaFixtures;
import id.pantau.recorder.virtualcam.VirtualCameraServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub against a real RTSP server: who opens camera sessions, and when they close. */
class LiveHubTest {

    @TempDir
    Path spool;

    VirtualCameraServer camera;
    LiveHub hub;

    @BeforeEach
    void start() {
        camera = new VirtualCameraServer(new InetSocketAddress("127.0.0.1", 0));
        camera.mount("cam1/main", MediaFixtures.mainH264());
        camera.mount("cam1/sub", MediaFixtures.subH264());
        camera.start();
        hub = new LiveHub(new JavaCvStreamOpener(), this::config,
                new LiveHub.Settings(Duration.ofMillis(300), LiveFeed.CacheLimits.DEFAULT), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        hub.close();
        camera.close();
    }

    Optional<CameraConfig> config(FeedKey key) {
        if (!key.cameraId().equals("cam1")) {
            return Optional.empty();
        }
        return Optional.of(CameraConfig.builder(key.cameraId(), key.stream().pathName(),
                camera.url("cam1/" + key.stream().pathName()), spool).build());
    }

    /**
     * Milliseconds until the subscription hands out the first frame of a new run (its start, or after a reconnect),
     * which must be a keyframe; frames still queued from before are passed over.
     */
    static long millisToFirstFrame(LiveSubscription s) throws InterruptedException {
        long start = System.nanoTime();
        for (LiveEvent e = s.poll(10_000); e != null; e = s.poll(10_000)) {
            if (e instanceof LiveEvent.Frame f && f.discontinuity()) {
                assertThat(f.accessUnit().keyframe()).isTrue();
                return (System.nanoTime() - start) / 1_000_000;
            }
        }
        throw new AssertionError("no frame within 10 s");
    }

    @Test
    void aStreamNobodyRecordsIsPulledOnlyWhileWatchedWithOneSessionForAllViewers() throws Exception {
        FeedKey sub = FeedKey.sub("cam1");
        assertThat(camera.activeSessions()).isZero();
        LiveSubscription first = hub.subscribe(sub, 50, null);
        millisToFirstFrame(first);
        assertThat(hub.feed(sub)).hasValueSatisfying(f -> {
            assertThat(f.source()).isEqualTo(FeedSource.CAMERA);
            assertThat(f.status().state()).isEqualTo(FeedStatus.State.LIVE);
        });
        LiveSubscription second = hub.subscribe(sub, 50, null);
        // the GOP cache: a second viewer starts at once, without waiting for the camera's next keyframe
        assertThat(millisToFirstFrame(second)).isLessThan(200);
        assertThat(camera.activeSessions()).isEqualTo(1);
        assertThat(hub.latestKeyframe(sub)).hasValueSatisfying(k -> assertThat(k.format().width()).isEqualTo(640));

        first.close();
        second.close();
        Thread.sleep(100);
        assertThat(camera.activeSessions()).as("still connected within the linger time").isEqualTo(1);
        LiveSubscription reload = hub.subscribe(sub, 50, null);
        assertThat(millisToFirstFrame(reload)).isLessThan(200);
        reload.close();
        Await.millisUntil(() -> camera.activeSessions() == 0, 5_000, "the camera session to close");
        assertThat(hub.feed(sub)).hasValueSatisfying(f -> assertThat(f.source()).isEqualTo(FeedSource.NONE));
    }

    @Test
    void theRecordedMainStreamIsWatchedThroughTheRecorderAndPulledWhenRecordingStops() throws Exception {
        CameraConfig recorded = config(FeedKey.main("cam1")).orElseThrow();
        CameraRecorder recorder = CameraRecorder.rtsp(recorded, new CollectingSink()).tap(hub.tap("cam1"));
        recorder.start();
        try {
            LiveSubscription viewer = hub.subscribe(FeedKey.main("cam1"), 50, null);
            millisToFirstFrame(viewer);
            assertThat(camera.activeSessions()).as("the recorder's session only").isEqualTo(1);
            assertThat(hub.feed(FeedKey.main("cam1"))).hasValueSatisfying(f ->
                    assertThat(f.source()).isEqualTo(FeedSource.RECORDER));

            recorder.stop();
            // somebody still watches: the hub takes over with a session of its own
            Await.millisUntil(() -> hub.feed(FeedKey.main("cam1")).orElseThrow().source() == FeedSource.CAMERA,
                    5_000, "the hub to pull the main stream");
            millisToFirstFrame(viewer);
            assertThat(camera.activeSessions()).isEqualTo(1);
            viewer.close();
        } finally {
            recorder.stop();
        }
    }

    @Test
    void aNewViewerWakesTheRecorderThatFeedsTheStream() {
        PacketTap tap = hub.tap("cam9");
        AtomicInteger wakes = new AtomicInteger();
        tap.wakeWith(wakes::incrementAndGet);
        assertThat(tap.watched()).isFalse();

        LiveSubscription viewer = hub.subscribe(FeedKey.main("cam9"), 50, null);
        assertThat(tap.watched()).isTrue();
        assertThat(wakes).as("the recorder hands over what it holds back").hasValue(1);
        viewer.close();
        assertThat(tap.watched()).isFalse();
        assertThat(wakes).as("a viewer leaving wakes nobody").hasValue(1);
        tap.stopped();
    }

    @Test
    void aStreamTheCameraDoesNotHaveSaysSo() throws Exception {
        LiveSubscription s = hub.subscribe(FeedKey.sub("cam2"), 50, null);
        LiveEvent first = s.poll(1_000);
        assertThat(first).isInstanceOfSatisfying(LiveEvent.Status.class, st -> {
            assertThat(st.status().state()).isEqualTo(FeedStatus.State.UNAVAILABLE);
            assertThat(st.status().detail()).isEqualTo("the camera has no sub stream");
        });
        assertThat(camera.activeSessions()).isZero();
    }
}
