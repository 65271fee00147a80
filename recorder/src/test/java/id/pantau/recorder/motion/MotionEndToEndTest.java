package id.pantau.recorder.motion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import id.pantau.recorder.ffmpeg.FfmpegLog;
import id.pantau.recorder.ingest.Ingest;
import id.pantau.recorder.testing.Await;
import id.pantau.recorder.virtualcam.MediaFixtures;
import id.pantau.recorder.virtualcam.TestMedia;
import id.pantau.recorder.virtualcam.VirtualCameraServer;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.index.IndexDatabase;
import id.pantau.storage.motion.MotionEvent;
import id.pantau.storage.motion.MotionEvents;
import id.pantau.storage.motion.MotionSettings;
import id.pantau.storage.s3.EmbeddedS3;
import id.pantau.storage.s3.MinioObjectStore;
import id.pantau.storage.secret.SecretCipher;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A virtual camera serves the motion clip (a person-sized box crossing 6..14 s into every loop) on its sub mount;
 * the node analyses it and the events land in the real H2 index at the right wall times, with a snapshot in the
 * real embedded S3. Then the camera drops the connection: the analyser reconnects, recalibrates and finds the
 * next loop's crossing, and nothing else. With either RTSP client the recorder can use: the Netty one hands over
 * whole access units with the parameter sets from the SDP or in band, FFmpeg's demuxer packets.
 */
class MotionEndToEndTest {
    static final long TOLERANCE_MS = 1000;

    @TempDir Path dataDir;

    @ParameterizedTest
    @EnumSource(Ingest.class)
    void subStreamMotionBecomesEventsInTheIndexWithSnapshots(Ingest ingest) throws Exception {
        Path clip = TestMedia.ensure(MediaFixtures.DIR, TestMedia.Kind.MOTION_H264);
        // natives load once per process (seconds on a cold cache); not part of connecting to a camera
        OpenCv.init();
        FfmpegLog.install();
        try (EmbeddedS3 s3 = new EmbeddedS3(dataDir, 0).start();
             IndexDatabase db = IndexDatabase.openFile(dataDir);
             VirtualCameraServer server = new VirtualCameraServer(new InetSocketAddress("127.0.0.1", 0))) {
            server.mount("door/sub", clip);
            server.start();
            MinioObjectStore store = new MinioObjectStore(s3.settings("segments"));
            store.ensureBucket();
            CameraRepository cameras = new CameraRepository(db.dataSource(),
                    SecretCipher.load(null, dataDir.resolve("secret.key")), Clock.systemUTC());
            Camera door = cameras.save(new Camera("door", null, null, null, server.url("door/main"),
                    server.url("door/sub"), null, null, null, true, 7, null));
            MotionEvents events = new MotionEvents(db.dataSource());
            List<MotionFeed.Change> feed = new CopyOnWriteArrayList<>();
            try (MotionEventWriter writer = new MotionEventWriter(events, store, dataDir.resolve("scratch"),
                    (change, e) -> feed.add(change));
                 MotionNode node = new MotionNode(new MotionNode.Settings("local", AnalysisSettings.DEFAULT,
                         EventTiming.DEFAULT, dataDir.resolve("scratch")), ingest.opener(), writer,
                         writer::closeDangling, System::currentTimeMillis)) {
                long connectMs = System.currentTimeMillis();
                node.sync(List.of(door), Map.of("door", MotionSettings.defaults("door").withEnabled(true)));
                MotionEvent first = awaitEndedEvents(events, 1, 45_000).get(0);
                long firstFrameMs = node.status("door").orElseThrow().stats().firstFrameWallMs();
                assertThat(node.status("door").orElseThrow().stream()).isEqualTo("sub");
                assertCrossing(first, connectMs, firstFrameMs);
                assertSnapshot(store, first);

                // the camera drops us; the next connection plays the clip from its start again
                long reconnectMs = System.currentTimeMillis();
                server.control("door/sub").disconnectAll();
                Await.millisUntil(() -> node.status("door").orElseThrow().stats().reconnects() >= 1
                        && node.status("door").orElseThrow().stats().firstFrameWallMs() > reconnectMs, 15_000,
                        "the analyser to reconnect");
                long secondFrameMs = node.status("door").orElseThrow().stats().firstFrameWallMs();
                MotionEvent second = awaitEndedEvents(events, 2, 40_000).get(1);
                assertCrossing(second, reconnectMs, secondFrameMs);
                assertThat(writer.drain(5000)).isTrue();
            }
            assertThat(events.between("door", 0, Long.MAX_VALUE)).as("no event besides the two crossings").hasSize(2);
            assertThat(feed).containsExactly(MotionFeed.Change.STARTED, MotionFeed.Change.ENDED,
                    MotionFeed.Change.STARTED, MotionFeed.Change.ENDED);
        }
    }

    private static List<MotionEvent> awaitEndedEvents(MotionEvents events, int n, long timeoutMs)
            throws InterruptedException {
        Await.millisUntil(() -> events.between("door", 0, Long.MAX_VALUE).stream().filter(e -> !e.ongoing()).count()
                >= n, timeoutMs, n + " ended motion events");
        return events.between("door", 0, Long.MAX_VALUE);
    }

    /**
     * The loop began between our connecting and the first packet's arrival; the box enters 6 s and has left 14 s
     * into the loop.
     */
    private static void assertCrossing(MotionEvent e, long loopNotBeforeMs, long loopNotAfterMs) {
        System.out.printf("event %d..%d ms after connecting, %d..%d ms after the first packet (truth %d..%d)%n",
                e.startWallMs() - loopNotBeforeMs, e.endWallMs() - loopNotBeforeMs, e.startWallMs() - loopNotAfterMs,
                e.endWallMs() - loopNotAfterMs, (long) (TestMedia.MOTION_START_SECONDS * 1000),
                (long) (TestMedia.MOTION_END_SECONDS * 1000));
        assertThat(loopNotAfterMs - loopNotBeforeMs).as("connection set-up time").isLessThan(3000);
        long startS = (long) (TestMedia.MOTION_START_SECONDS * 1000);
        long endS = (long) (TestMedia.MOTION_END_SECONDS * 1000);
        assertThat(e.startWallMs()).as("event start").isBetween(loopNotBeforeMs + startS - TOLERANCE_MS,
                loopNotAfterMs + startS + TOLERANCE_MS);
        assertThat(e.endWallMs()).as("event end").isBetween(loopNotBeforeMs + endS - TOLERANCE_MS,
                loopNotAfterMs + endS + TOLERANCE_MS);
        assertThat(e.peakScore()).as("peak score: the box covers about 1.7 % of the picture").isBetween(0.005, 0.05);
        assertThat(e.boxes()).isNotEmpty();
        assertThat(e.clipStartWallMs()).isEqualTo(e.startWallMs() - EventTiming.DEFAULT.preRollMs());
    }

    private static void assertSnapshot(MinioObjectStore store, MotionEvent e) throws Exception {
        assertThat(e.snapshotKey()).isEqualTo("events/door/" + java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.ofEpochMilli(e.startWallMs())) + "/"
                + e.startWallMs() + ".jpg");
        byte[] jpeg;
        try (InputStream in = store.get(e.snapshotKey())) {
            jpeg = in.readAllBytes();
        }
        try (BytePointer bytes = new BytePointer(jpeg);
             Mat buffer = new Mat(1, jpeg.length, opencv_core.CV_8UC1, bytes);
             Mat picture = imdecode(buffer, IMREAD_UNCHANGED)) {
            assertThat(picture.cols()).isEqualTo(640);
            assertThat(picture.rows()).isEqualTo(360);
        }
    }
}
