package id.pantau.recorder.live;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.ingest.CameraConfig;
import id.pantau.recorder.ingest.JavaCvStreamOpener;
import id.pantau.recorder.testing.Await;
import id.pantau.recorder.testing.Processes;
import id.pantau.recorder.virtualcam.MediaFixtures;
import id.pantau.recorder.virtualcam.RawRtspClient;
import id.pantau.recorder.virtualcam.RtspWire;
import id.pantau.recorder.virtualcam.VirtualCameraServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The restream with FFmpeg's own RTSP client (Debian's ffprobe and ffmpeg) and a bare one for the refusals. */
class RestreamServerTest {

    @TempDir
    static Path spool;

    static VirtualCameraServer camera;
    static LiveHub hub;
    static RestreamServer restream;
    static final Guard guard = new Guard();

    /** Alice may watch cam1 and cam2, Bob nothing; both have the password "pw". */
    static final class Guard implements RestreamGuard {
        final List<String> journal = Collections.synchronizedList(new ArrayList<>());
        final Map<String, List<String>> cameras = Map.of("alice", List.of("cam1", "cam2"), "bob", List.of());

        @Override
        public Admission admit(String authorization, String cameraId, LiveStream stream, String remoteAddress) {
            if (authorization == null || !authorization.startsWith("Basic ")) {
                return new Admission.Unauthenticated();
            }
            String[] userPassword = new String(Base64.getDecoder().decode(authorization.substring(6)),
                    StandardCharsets.UTF_8).split(":", 2);
            if (!cameras.containsKey(userPassword[0]) || !userPassword[1].equals("pw")) {
                return new Admission.Unauthenticated();
            }
            return cameras.get(userPassword[0]).contains(cameraId)
                    ? new Admission.Admitted(userPassword[0], new FeedKey(cameraId, stream))
                    : new Admission.NotFound();
        }

        @Override
        public void started(Admission.Admitted viewer, String remoteAddress) {
            journal.add("start " + viewer.user() + " " + viewer.key());
        }

        @Override
        public void stopped(Admission.Admitted viewer, String remoteAddress, long durationMs) {
            journal.add("stop " + viewer.user() + " " + viewer.key() + (durationMs > 0 ? " after some time" : ""));
        }
    }

    @BeforeAll
    static void start() {
        camera = new VirtualCameraServer(new InetSocketAddress("127.0.0.1", 0));
        camera.mount("cam1/main", MediaFixtures.mainH264());
        camera.mount("cam1/sub", MediaFixtures.subH264());
        camera.mount("cam2/main", MediaFixtures.mainH265());
        camera.start();
        hub = new LiveHub(new JavaCvStreamOpener(), RestreamServerTest::config,
                new LiveHub.Settings(Duration.ofMillis(200), LiveFeed.CacheLimits.DEFAULT), Clock.systemUTC());
        restream = new RestreamServer(new RestreamServer.Settings(new InetSocketAddress("127.0.0.1", 0), 1, 50, 8_000),
                hub, guard, Clock.systemUTC()).start();
    }

    @AfterAll
    static void stop() {
        restream.close();
        hub.close();
        camera.close();
    }

    static Optional<CameraConfig> config(FeedKey key) {
        String path = key.cameraId() + "/" + key.stream().pathName();
        if (path.equals("cam2/sub")) {
            return Optional.empty();
        }
        return Optional.of(CameraConfig.builder(key.cameraId(), key.stream().pathName(), camera.url(path), spool)
                .build());
    }

    static String url(String credentials, String path) {
        return "rtsp://" + (credentials == null ? "" : credentials + "@") + "127.0.0.1:" + restream.port() + "/" + path;
    }

    @ParameterizedTest(name = "{0} -> {2} {3}x{4}")
    @CsvSource({"cam1, cam1/main, h264, 1280, 720", "cam1/sub, cam1/sub, h264, 640, 360",
        "cam2, cam2/main, hevc, 1280, 720"})
    void ffprobeSeesTheCamerasStreamThroughTheRestream(String path, String feed, String codec, int width, int height)
            throws Exception {
        String out = Processes.runOk(List.of("ffprobe", "-v", "error", "-rtsp_transport", "tcp", "-select_streams",
                "v:0", "-show_entries", "stream=codec_name,width,height", "-of", "default=nw=1",
                url("alice:pw", path)), 60).stdout();
        assertThat(out).contains("codec_name=" + codec, "width=" + width, "height=" + height);
        // and the pictures decode: 50 frames, keyframe first, no decoder error
        Processes.Result decode = Processes.run(List.of("ffmpeg", "-v", "error", "-xerror", "-rtsp_transport", "tcp",
                "-i", url("alice:pw", path), "-frames:v", "50", "-f", "null", "-"), 60);
        assertThat(decode.exitCode()).as(decode.stderr()).isZero();
        assertThat(decode.stderr()).isBlank();
        Await.millisUntil(() -> guard.journal.contains("stop alice " + feed + " after some time"), 10_000,
                "the session to end");
        assertThat(guard.journal).contains("start alice " + feed);
    }

    @Test
    void manyClientsShareTheOneCameraSession() throws Exception {
        List<CompletableFuture<Processes.Result>> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return Processes.run(List.of("ffmpeg", "-v", "error", "-rtsp_transport", "tcp", "-i",
                            url("alice:pw", "cam1/sub"), "-t", "4", "-f", "null", "-"), 60);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        Await.millisUntil(() -> restream.activeSessions() == 3, 20_000, "three restream sessions");
        assertThat(camera.activeSessions()).isEqualTo(1);
        for (CompletableFuture<Processes.Result> c : clients) {
            assertThat(c.get().exitCode()).as(c.get().stderr()).isZero();
        }
    }

    @Test
    void withoutCredentialsOrPermissionNothingStreams() throws Exception {
        int sessionsBefore = camera.activeSessions();
        try (RawRtspClient client = new RawRtspClient(restream.port(), 10_000)) {
            RtspWire.Response anonymous = client.request("DESCRIBE", url(null, "cam1"));
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Pantau\"");
            RtspWire.Response wrongPassword = client.request("DESCRIBE", url(null, "cam1"), basic("alice", "nope"));
            assertThat(wrongPassword.status()).isEqualTo(401);
            RtspWire.Response notHers = client.request("DESCRIBE", url(null, "cam1"), basic("bob", "pw"));
            assertThat(notHers.status()).isEqualTo(404);
            RtspWire.Response noSuchCamera = client.request("DESCRIBE", url(null, "cam9"), basic("alice", "pw"));
            assertThat(noSuchCamera.status()).isEqualTo(404);
            RtspWire.Response noSubStream = client.request("DESCRIBE", url(null, "cam2/sub"), basic("alice", "pw"));
            assertThat(noSubStream.status()).isEqualTo(404);
            RtspWire.Response setup = client.request("SETUP", url(null, "cam1/trackID=0"), basic("bob", "pw"),
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertThat(setup.status()).isEqualTo(404);
        }
        Processes.Result ffprobe = Processes.run(List.of("ffprobe", "-v", "error", "-rtsp_transport", "tcp",
                url("bob:pw", "cam1")), 30);
        assertThat(ffprobe.exitCode()).isNotZero();
        assertThat(ffprobe.stderr()).contains("404");
        assertThat(restream.activeSessions()).isZero();
        assertThat(guard.journal).noneMatch(line -> line.contains("bob"));
        assertThat(camera.activeSessions()).isLessThanOrEqualTo(sessionsBefore);
    }

    static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
