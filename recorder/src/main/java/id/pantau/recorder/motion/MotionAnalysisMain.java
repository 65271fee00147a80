package id.pantau.recorder.motion;

import id.pantau.recorder.ingest.Ingest;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.motion.MotionSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs motion analysis standalone, for benchmarks: {@code MotionAnalysisMain CAMERAS_FILE SCRATCH_DIR [FPS [INGEST]]}.
 * CAMERAS_FILE has one camera a line, {@code id main-url [sub-url]}; a camera with a sub-url is analysed from it,
 * one without from its main stream's keyframes, as {@link MotionNode} does in the server. INGEST picks the RTSP
 * client as {@code vms.recorder.ingest} does in the server: {@code netty} (the default) or {@code ffmpeg} (FFmpeg's
 * demuxer, to benchmark the old path). Prints {@code READY}, and
 * on SIGTERM a {@code SUMMARY} line per camera and one for all (packets, decoded and analysed frames, events).
 */
public final class MotionAnalysisMain {

    private MotionAnalysisMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: MotionAnalysisMain <cameras-file> <scratch-dir> [fps [netty|ffmpeg]]");
            System.exit(2);
        }
        List<Camera> cameras = new ArrayList<>();
        Map<String, MotionSettings> motion = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] p = line.trim().split("\\s+");
            if (p.length < 2) {
                continue;
            }
            cameras.add(new Camera(p[0], null, null, null, p[1], p.length > 2 ? p[2] : null, null, null, null, true,
                    7, null));
            motion.put(p[0], MotionSettings.defaults(p[0]).withEnabled(true));
        }
        double fps = args.length > 2 ? Double.parseDouble(args[2]) : AnalysisSettings.DEFAULT.framesPerSecond();
        Ingest ingest = Ingest.parse(args.length > 3 ? args[3] : null);
        AnalysisSettings analysis = new AnalysisSettings(fps, AnalysisSettings.DEFAULT.width(),
                AnalysisSettings.DEFAULT.snapshotWidth());
        AtomicLong started = new AtomicLong();
        MotionListener counter = new MotionListener() {
            @Override
            public void started(Started event) {
                started.incrementAndGet();
            }

            @Override
            public void ended(Ended event) {
                // counted at the start
            }
        };
        MotionNode node = new MotionNode(new MotionNode.Settings(cameras.get(0).recorderNode(), analysis,
                EventTiming.DEFAULT, Path.of(args[1])), ingest.opener(), counter, id -> { },
                System::currentTimeMillis);
        node.sync(cameras, motion);
        int receiving = awaitFirstFrames(node, cameras, 120_000);
        System.out.println("READY " + node.cameras().size() + " cameras at " + fps + " fps, " + receiving
                + " receiving, ingest " + ingest.name().toLowerCase(java.util.Locale.ROOT));
        Thread totals = new Thread(() -> printTotals(node, cameras), "motion-main-totals");
        totals.setDaemon(true);
        totals.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            summary(node, cameras, started.get());
            node.close();
            stopped.countDown();
        }, "motion-main-shutdown"));
        stopped.await();
    }

    /** Waits until every camera has sent a frame (a measurement should not include cameras still connecting). */
    private static int awaitFirstFrames(MotionNode node, List<Camera> cameras, long timeoutMs)
            throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (true) {
            int receiving = 0;
            for (Camera c : cameras) {
                if (node.status(c.id()).map(s -> s.stats().firstFrameWallMs() > 0).orElse(false)) {
                    receiving++;
                }
            }
            if (receiving == cameras.size() || System.currentTimeMillis() > end) {
                return receiving;
            }
            Thread.sleep(200);
        }
    }

    /** A TOTAL line every second, so a benchmark can count the frames decoded within its window. */
    private static void printTotals(MotionNode node, List<Camera> cameras) {
        while (true) {
            long decoded = 0;
            long analysed = 0;
            for (Camera c : cameras) {
                AnalyserStats a = node.status(c.id()).map(MotionStatus::stats).orElse(null);
                if (a != null) {
                    decoded += a.decoded();
                    analysed += a.analysed();
                }
            }
            System.out.printf("TOTAL wall_ms=%d decoded=%d analysed=%d%n", System.currentTimeMillis(), decoded,
                    analysed);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void summary(MotionNode node, List<Camera> cameras, long events) {
        long packets = 0;
        long decoded = 0;
        long analysed = 0;
        for (Camera c : cameras) {
            MotionStatus s = node.status(c.id()).orElse(null);
            if (s == null) {
                continue;
            }
            AnalyserStats a = s.stats();
            packets += a.packets();
            decoded += a.decoded();
            analysed += a.analysed();
            System.out.printf("SUMMARY camera=%s stream=%s packets=%d decoded=%d analysed=%d events=%d reconnects=%d%n",
                    c.id(), s.stream(), a.packets(), a.decoded(), a.analysed(), a.events(), a.reconnects());
        }
        System.out.printf("SUMMARY camera=total packets=%d decoded=%d analysed=%d events=%d%n", packets, decoded,
                analysed, events);
        System.out.flush();
    }
}
