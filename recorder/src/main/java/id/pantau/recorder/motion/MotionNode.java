package id.pantau.recorder.motion;

import id.pantau.recorder.ingest.CameraConfig;
import id.pantau.recorder.ingest.RtspUrls;
import id.pantau.recorder.ingest.StreamOpener;
import id.pantau.recorder.ingest.Transport;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.motion.MotionSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Motion analysis of one node: an analyser for every enabled camera of this node with motion detection on. It reads
 * the camera's sub-stream, or only the keyframes of its main stream when it has none (never the full main stream).
 * {@link #sync} applies changes; new zones or sensitivity reach a running analyser without reconnecting.
 */
public final class MotionNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MotionNode.class);

    /**
     * @param scratchDir where temporary files (snapshots on their way to the store) go
     */
    public record Settings(String node, AnalysisSettings analysis, EventTiming timing, Path scratchDir) {
    }

    private record Running(CameraConfig source, boolean keyframesOnly, CameraAnalyser analyser, StreamPuller puller) {
    }

    private final Settings settings;
    private final StreamOpener opener;
    private final MotionListener listener;
    private final Consumer<String> beforeStart;
    private final LongSupplier wallClockMs;
    private final Map<String, Running> running = new HashMap<>();

    /**
     * @param beforeStart called with a camera id before its analysis starts (e.g. to close events a crash left open)
     */
    public MotionNode(Settings settings, StreamOpener opener, MotionListener listener, Consumer<String> beforeStart,
                      LongSupplier wallClockMs) {
        this.settings = settings;
        this.opener = opener;
        this.listener = listener;
        this.beforeStart = beforeStart;
        this.wallClockMs = wallClockMs;
    }

    /** Starts, reconfigures or stops analysers so exactly this node's enabled cameras with motion on are analysed. */
    public synchronized void sync(List<Camera> cameras, Map<String, MotionSettings> motion) {
        Set<String> wanted = new HashSet<>();
        for (Camera c : cameras) {
            MotionSettings m = motion.get(c.id());
            if (!c.enabled() || !settings.node().equals(c.recorderNode()) || m == null || !m.enabled()) {
                continue;
            }
            wanted.add(c.id());
            boolean keyframesOnly = !c.hasSubStream();
            CameraConfig source = sourceOf(c);
            DetectorConfig detector = DetectorConfig.of(m);
            Running current = running.get(c.id());
            if (current != null && sameSource(current, source, keyframesOnly)) {
                if (!current.analyser().config().equals(detector)) {
                    current.analyser().reconfigure(detector);
                    LOG.info("motion settings of {} changed", c.id());
                }
                continue;
            }
            if (current != null) {
                stop(current);
            }
            beforeStart.accept(c.id());
            CameraAnalyser analyser = new CameraAnalyser(c.id(), detector, settings.analysis(), settings.timing(),
                    keyframesOnly, FrameTimes.live(wallClockMs), wallClockMs, listener);
            StreamPuller puller = new StreamPuller(source, opener, analyser, new Random());
            puller.start();
            running.put(c.id(), new Running(source, keyframesOnly, analyser, puller));
            LOG.info("motion analysis of {} from {}{}", c.id(), RtspUrls.redact(source.url()),
                    keyframesOnly ? " (keyframes only: the camera has no sub-stream)" : "");
        }
        for (String id : Set.copyOf(running.keySet())) {
            if (!wanted.contains(id)) {
                stop(running.remove(id));
                LOG.info("stopped motion analysis of {}", id);
            }
        }
    }

    private CameraConfig sourceOf(Camera c) {
        boolean sub = c.hasSubStream();
        String url = RtspUrls.withCredentials(sub ? c.subUrl() : c.mainUrl(), c.username(), c.password());
        return CameraConfig.builder(c.id(), sub ? "sub" : "main", url, settings.scratchDir())
                .transport(Transport.valueOf(c.transport().name()))
                .build();
    }

    private static boolean sameSource(Running r, CameraConfig source, boolean keyframesOnly) {
        return r.source().url().equals(source.url()) && r.source().transport() == source.transport()
                && r.keyframesOnly() == keyframesOnly;
    }

    private static void stop(Running r) {
        r.puller().close();
        r.analyser().close();
    }

    public synchronized Optional<CameraAnalyser> analyser(String cameraId) {
        return Optional.ofNullable(running.get(cameraId)).map(Running::analyser);
    }

    public synchronized Optional<MotionStatus> status(String cameraId) {
        Running r = running.get(cameraId);
        return r == null ? Optional.empty() : Optional.of(new MotionStatus(cameraId, r.source().stream(),
                r.keyframesOnly(), r.analyser().stats(), r.puller().lastFailure()));
    }

    public synchronized Set<String> cameras() {
        return Set.copyOf(running.keySet());
    }

    @Override
    public synchronized void close() {
        running.values().parallelStream().forEach(MotionNode::stop);
        running.clear();
    }
}
