package id.pantau.recorder.virtualcam;

import id.pantau.recorder.virtualcam.RtspWire.Packet;
import id.pantau.recorder.virtualcam.RtspWire.Response;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The server against real clients: JavaCV's FFmpeg, the system ffprobe, and raw sockets. */
class VirtualCameraServerTest {

    private static final int FRAMES = 100;
    private static final long CLIENT_TIMEOUT_MICROS = TimeUnit.SECONDS.toMicros(15);
    private static final int SOCKET_TIMEOUT_MS = 15_000;
    private static final Credentials CREDENTIALS = new Credentials("admin", "Pa55:w0rd");

    private static VirtualCameraServer server;

    @BeforeAll
    static void startServer() {
        Path main = MediaFixtures.mainH264();
        server = new VirtualCameraServer(new InetSocketAddress("127.0.0.1", 0));
        server.mount("cam1/main", main);
        server.mount("cam1/sub", MediaFixtures.subH264());
        server.mount("cam1/h265", MediaFixtures.mainH265());
        server.mount("loop/main", MediaFixtures.shortH264());
        server.mount("secure/main", main, CREDENTIALS);
        server.mount("udp/main", main);
        for (String fault : List.of("pause", "stall", "jump", "gone", "down", "abrupt", "garbage")) {
            server.mount("fault/" + fault, main);
        }
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void clearFfmpegErrors() {
        FfmpegErrorLog.reset();
    }

    @ParameterizedTest(name = "{0}: {1}x{2}")
    @CsvSource({"cam1/main, 1280, 720", "cam1/sub, 640, 360", "cam1/h265, 1280, 720"})
    void javacvGrabberDecodesFramesInRealTime(String path, int width, int height) throws Exception {
        long startNanos = System.nanoTime();
        List<Long> timestamps = grab(server.url(path), FRAMES);
        double seconds = (System.nanoTime() - startNanos) / 1e9;

        assertThat(timestamps).hasSize(FRAMES);
        assertThat(lastGrab.width).isEqualTo(width);
        assertThat(lastGrab.height).isEqualTo(height);
        assertThat(lastGrab.frameRate).isCloseTo(25.0, within(0.5));
        assertThat(seconds).as("paced in real time, not as fast as possible").isGreaterThan(3.0);
        assertThat(FfmpegErrorLog.errors()).isEmpty();
    }

    @Test
    void javacvGrabberDecodesOverUdp() throws Exception {
        List<Long> timestamps = grab(server.url("udp/main"), FRAMES, "udp");

        assertThat(timestamps).hasSize(FRAMES);
        assertThat(lastGrab.width).isEqualTo(1280);
        assertThat(lastGrab.height).isEqualTo(720);
        assertThat(FfmpegErrorLog.errors()).isEmpty();
        awaitTrue(() -> server.control("udp/main").activeSessions() == 0, 5_000);
    }

    @Test
    void framesKeepComingAcrossTheLoopPointWithContinuousTimestamps() throws Exception {
        // the loop clip lasts 2 s: 100 frames cross its end twice
        List<Long> timestamps = grab(server.url("loop/main"), FRAMES);

        assertThat(timestamps).hasSize(FRAMES);
        for (int i = 1; i < timestamps.size(); i++) {
            assertThat(timestamps.get(i) - timestamps.get(i - 1)).as("frame %d step in microseconds", i)
                    .isCloseTo(40_000L, within(1_000L));
        }
        assertThat(FfmpegErrorLog.errors()).isEmpty();
    }

    @Test
    void systemFfprobeReadsEveryMount() throws Exception {
        String ffprobe = findOnPath("ffprobe");
        List<String> paths = List.of("cam1/main", "cam1/sub", "cam1/h265");
        List<Process> processes = new ArrayList<>();
        for (String path : paths) { // in parallel: each reads 5 s of real-time video
            processes.add(new ProcessBuilder(ffprobe, "-v", "error", "-rtsp_transport", "tcp", "-timeout",
                    Long.toString(CLIENT_TIMEOUT_MICROS), "-read_intervals", "%+5", "-count_frames",
                    "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height,nb_read_frames",
                    "-of", "default=noprint_wrappers=1", server.url(path)).redirectErrorStream(true).start());
        }
        List<String> outputs = new ArrayList<>();
        for (Process process : processes) {
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("ffprobe finished").isTrue();
            outputs.add(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertThat(process.exitValue()).as(outputs.get(outputs.size() - 1)).isZero();
        }

        assertThat(outputs.get(0)).contains("codec_name=h264", "width=1280", "height=720");
        assertThat(outputs.get(1)).contains("codec_name=h264", "width=640", "height=360");
        assertThat(outputs.get(2)).contains("codec_name=hevc", "width=1280", "height=720");
        for (String output : outputs) {
            int frames = Integer.parseInt(output.replaceAll("(?s).*nb_read_frames=(\\d+).*", "$1"));
            assertThat(frames).as(output).isGreaterThanOrEqualTo(FRAMES);
        }
    }

    @Test
    void digestAuthenticationRejectsAWrongPasswordAndAcceptsTheRightOne() throws Exception {
        try (RawRtspClient client = new RawRtspClient(server.port(), SOCKET_TIMEOUT_MS)) {
            Response challenge = client.request("DESCRIBE", server.url("secure/main"));
            assertThat(challenge.status()).isEqualTo(401);
            assertThat(challenge.header("WWW-Authenticate")).startsWith("Digest realm=");
        }
        String wrong = server.url("secure/main").replace("rtsp://", "rtsp://admin:nope@");
        assertThatThrownBy(() -> grab(wrong, 1)).isInstanceOf(FFmpegFrameGrabber.Exception.class);
        // also shows that FFmpeg's error log reaches FfmpegErrorLog, which the decoding tests expect to stay empty
        assertThat(FfmpegErrorLog.errors()).anyMatch(line -> line.contains("401"));

        // FFmpeg wants the colon in the password percent-encoded in the URL
        String right = server.url("secure/main").replace("rtsp://", "rtsp://admin:Pa55%3Aw0rd@");
        assertThat(grab(right, 30)).hasSize(30);
    }

    @Test
    void garbageGets400WhileAnotherClientKeepsStreaming() throws Exception {
        try (RawRtspClient viewer = new RawRtspClient(server.port(), SOCKET_TIMEOUT_MS);
             RawRtspClient attacker = new RawRtspClient(server.port(), SOCKET_TIMEOUT_MS)) {
            viewer.play(server.url("fault/garbage"));
            viewer.nextFrame();

            attacker.sendRaw("\u0016\u0003\u0001 not rtsp at all\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            Response response = attacker.request("OPTIONS", "*");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.statusLine()).startsWith("RTSP/1.0 400");
            assertThat(attacker.readsToEnd()).as("server closes the garbled connection").isTrue();
            List<Packet> oneSecond = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                oneSecond.addAll(viewer.nextFrame()); // a stalled viewer would time out here
            }
            assertThat(oneSecond.stream().filter(Packet::marker)).hasSize(25);
        }
    }

    @Test
    void abruptDisconnectMidStreamFreesTheSession() throws Exception {
        int before = server.activeSessions();
        RawRtspClient client = new RawRtspClient(server.port(), SOCKET_TIMEOUT_MS);
        client.play(server.url("fault/abrupt"));
        client.nextFrame();
        assertThat(server.activeSessions()).isEqualTo(before + 1);

        client.socket().setSoLinger(true, 0); // reset, no TEARDOWN
        client.close();

        awaitTrue(() -> server.activeSessions() == before, 5_000);
        assertThat(server.control("fault/abrupt").activeSessions()).isZero();
    }

    @Test
    void releasedGrabberLeavesNoSession() throws Exception {
        grab(server.url("cam1/sub"), 5);

        awaitTrue(() -> server.control("cam1/sub").activeSessions() == 0, 5_000);
    }

    @Test
    void pauseStopsPacketsAndResumeRestartsAtAKeyframe() throws Exception {
        MountControl control = server.control("fault/pause");
        try (RawRtspClient client = new RawRtspClient(server.port(), SOCKET_TIMEOUT_MS)) {
            client.play(server.url("fault/pause"));
            Packet beforePause = client.nextFrame().get(0);

            control.pause();
            client.socket().setSoTimeout(300);
            drainUntilQuiet(client);
            client.socket().setSoTimeout(1_500);
            assertThatThrownBy(client::nextPacket).as("no packet for 1.5 s while paused")
                    .isInstanceOf(SocketTimeoutException.class);

            control.resume();
            client.socket().setSoTimeout(SOCKET_TIMEOUT_MS);
            Packet afterResume = client.nextPacket();
            assertThat(afterResume.payloadByte(0) & 0x1F).as("resumes with the keyframe's SPS").isEqualTo(7);
            long elapsed90k = (afterResume.timestamp() - beforePause.timestamp()) & 0xFFFF_FFFFL;
            assertThat(elapsed90k).as("timestamps reflect the stall").isGreaterThan(90_000L);
        } finally {
            control.resume();
        }
    }

    @Test
    void stalledCameraMakesTheGrabberTimeOut() throws Exception {
        MountControl control = server.control("fault/stall");
        FFmpegFrameGrabber grabber = grabber(server.url("fault/stall"), TimeUnit.SECONDS.toMicros(2));
        try {
            grabber.start();
            catchUpWithLiveEdge(grabber);
            control.pause();
            long startNanos = System.nanoTime();
            // at the live edge only frames in flight remain; then reading must end with a timeout
            int framesAfterPause = 0;
            boolean timedOut = false;
            try {
                while (framesAfterPause < 250 && !timedOut) {
                    timedOut = grabber.grabImage() == null;
                    framesAfterPause++;
                }
            } catch (FFmpegFrameGrabber.Exception e) {
                timedOut = true;
            }
            assertThat(framesAfterPause).as("frames after pause").isLessThan(25);
            assertThat(timedOut).as("grabber timed out after %d frames", framesAfterPause).isTrue();
            assertThat(System.nanoTime() - startNanos).isLessThan(TimeUnit.SECONDS.toNanos(30));
        } finally {
            control.resume();
            grabber.release();
        }
        assertThat(grab(server.url("fault/stall"), 10)).as("streams again after resume").hasSize(10);
    }

    @Test
    void timestampJumpShowsBetweenTwoFrames() throws Exception {
        long delta90k = 90_000L * 3600; // an hour
        try (RawRtspClient client = new RawRtspClient(server.port(), SOCKET_TIMEOUT_MS)) {
            client.play(server.url("fault/jump"));
            List<Long> timestamps = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                timestamps.add(client.nextFrame().get(0).timestamp());
            }
            server.control("fault/jump").jumpTimestamps(delta90k);
            for (int i = 0; i < 50; i++) {
                timestamps.add(client.nextFrame().get(0).timestamp());
            }

            List<Long> steps = new ArrayList<>();
            for (int i = 1; i < timestamps.size(); i++) {
                steps.add((timestamps.get(i) - timestamps.get(i - 1)) & 0xFFFF_FFFFL);
            }
            assertThat(steps).filteredOn(step -> step == 3600L + delta90k).hasSize(1);
            assertThat(steps).filteredOn(step -> step == 3600L).hasSize(steps.size() - 1);
        }
    }

    @Test
    void disconnectAllDropsClientsOfThatPathOnly() throws Exception {
        try (RawRtspClient gone = new RawRtspClient(server.port(), SOCKET_TIMEOUT_MS);
             RawRtspClient other = new RawRtspClient(server.port(), SOCKET_TIMEOUT_MS)) {
            gone.play(server.url("fault/gone"));
            other.play(server.url("cam1/sub"));
            gone.nextFrame();

            server.control("fault/gone").disconnectAll();

            assertThat(gone.readsToEnd()).isTrue();
            awaitTrue(() -> server.control("fault/gone").activeSessions() == 0, 5_000);
            assertThat(other.nextFrame()).isNotEmpty();
        }
    }

    @Test
    void refusingCameraAnswers503UntilItIsBack() throws Exception {
        MountControl control = server.control("fault/down");
        control.setRefuseConnections(true);
        try (RawRtspClient client = new RawRtspClient(server.port(), SOCKET_TIMEOUT_MS)) {
            assertThat(client.request("DESCRIBE", server.url("fault/down")).status()).isEqualTo(503);
            assertThatThrownBy(() -> grab(server.url("fault/down"), 1)).isInstanceOf(FFmpegFrameGrabber.Exception.class);

            control.setRefuseConnections(false);
            assertThat(client.request("DESCRIBE", server.url("fault/down")).status()).isEqualTo(200);
        } finally {
            control.setRefuseConnections(false);
        }
    }

    @Test
    void manyMountsOfOneFileShareOneClip() {
        try (VirtualCameraServer many = new VirtualCameraServer(new InetSocketAddress("127.0.0.1", 0))) {
            for (int i = 1; i <= 200; i++) {
                many.mount("cam" + i + "/main", MediaFixtures.mainH264());
            }
            many.start();
            assertThat(many.loadedClips()).isEqualTo(1);
        }
    }

    /** What the last {@link #grab} saw of the stream. */
    private static final class GrabInfo {
        int width;
        int height;
        double frameRate;
    }

    private static GrabInfo lastGrab = new GrabInfo();

    /** Decodes {@code frames} images and returns their timestamps in microseconds. */
    private static List<Long> grab(String url, int frames) throws Exception {
        return grab(url, frames, "tcp");
    }

    private static List<Long> grab(String url, int frames, String transport) throws Exception {
        FFmpegFrameGrabber grabber = grabber(url, CLIENT_TIMEOUT_MICROS);
        grabber.setOption("rtsp_transport", transport);
        List<Long> timestamps = new ArrayList<>();
        try {
            grabber.start();
            while (timestamps.size() < frames) {
                Frame frame = grabber.grabImage();
                if (frame == null) {
                    break;
                }
                assertThat(frame.image).isNotNull();
                timestamps.add(grabber.getTimestamp());
            }
            GrabInfo info = new GrabInfo();
            info.width = grabber.getImageWidth();
            info.height = grabber.getImageHeight();
            info.frameRate = grabber.getFrameRate();
            lastGrab = info;
        } finally {
            grabber.release();
        }
        return timestamps;
    }

    private static FFmpegFrameGrabber grabber(String url, long timeoutMicros) {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url);
        grabber.setFormat("rtsp");
        grabber.setOption("rtsp_transport", "tcp");
        grabber.setOption("timeout", Long.toString(timeoutMicros));
        return grabber;
    }

    /** Grabs what the grabber buffered while probing, until a grab has to wait for the camera. */
    private static void catchUpWithLiveEdge(FFmpegFrameGrabber grabber) throws FFmpegFrameGrabber.Exception {
        for (int i = 0; i < 500; i++) {
            long startNanos = System.nanoTime();
            assertThat(grabber.grabImage()).isNotNull();
            if (i >= 10 && System.nanoTime() - startNanos > TimeUnit.MILLISECONDS.toNanos(20)) {
                return;
            }
        }
        throw new AssertionError("the grabber never caught up with the live stream");
    }

    private static void drainUntilQuiet(RawRtspClient client) throws IOException {
        try {
            while (true) {
                client.nextPacket();
            }
        } catch (SocketTimeoutException quiet) {
            // nothing more in flight
        }
    }

    private static void awaitTrue(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeoutMs + " ms");
            }
            Thread.sleep(50);
        }
    }

    private static String findOnPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(program + " is not on PATH; install it with apt-get install ffmpeg");
    }
}
