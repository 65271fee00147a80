package id.pantau.recorder.motion;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import id.pantau.recorder.ingest.AccessUnitAssembler;
import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.ingest.StreamInfo;
import id.pantau.recorder.segment.VideoFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Motion analysis of one camera's stream: decodes the pushed packets, samples frames at the analysis rate,
 * shrinks them to small grey frames, runs the {@link MotionDetector} and the {@link EventTracker}, and tells the
 * {@link MotionListener} when events start (with a snapshot) and end. A reconnect ends any open event and
 * recalibrates the detector.
 */
public final class CameraAnalyser implements AnalysisInput, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraAnalyser.class);
    private static final AtomicLong EVENT_KEYS = new AtomicLong();

    private final String cameraId;
    private final AnalysisSettings settings;
    private final boolean keyframesOnly;
    private final FrameTimes times;
    private final MotionListener listener;
    private final LongSupplier wallClockMs;
    private final EventTracker tracker;
    private final FrameSampler sampler;
    private final AccessUnitAssembler assembler = new AccessUnitAssembler();
    private volatile DetectorConfig config;
    private volatile CompletableFuture<byte[]> snapshotRequest;
    private VideoFormat format;
    private PictureDecoder decoder;
    private MotionDetector detector;
    private Mat grey;
    private long eventKey;
    private long packets;
    private long analysed;
    private long events;
    private long reconnects;
    private long decodedBefore;
    private long firstFrameWallMs;

    /**
     * @param keyframesOnly for a main stream: decode and analyse keyframes only
     */
    public CameraAnalyser(String cameraId, DetectorConfig config, AnalysisSettings settings, EventTiming timing,
                          boolean keyframesOnly, FrameTimes times, LongSupplier wallClockMs, MotionListener listener) {
        OpenCv.init();
        this.cameraId = cameraId;
        this.config = config;
        this.settings = settings;
        this.keyframesOnly = keyframesOnly;
        this.times = times;
        this.wallClockMs = wallClockMs;
        this.listener = listener;
        this.tracker = new EventTracker(timing);
        this.sampler = new FrameSampler(settings.framesPerSecond());
    }

    public String cameraId() {
        return cameraId;
    }

    public boolean keyframesOnly() {
        return keyframesOnly;
    }

    public DetectorConfig config() {
        return config;
    }

    /** New zones or sensitivity: the detector is rebuilt (and relearns) at the next frame. */
    public void reconfigure(DetectorConfig newConfig) {
        config = newConfig;
    }

    /** A JPEG of the next analysed frame, e.g. to draw zones on; completes on the analysis thread. */
    public CompletableFuture<byte[]> snapshot() {
        CompletableFuture<byte[]> request = snapshotRequest;
        if (request == null || request.isDone()) {
            request = new CompletableFuture<>();
            snapshotRequest = request;
        }
        return request;
    }

    public synchronized AnalyserStats stats() {
        long decoded = decodedBefore + (decoder == null ? 0 : decoder.decoded());
        return new AnalyserStats(packets, decoded, analysed, events, reconnects, firstFrameWallMs, tracker.active());
    }

    @Override
    public synchronized void formatChanged(StreamInfo info) {
        if (decoder != null && info.format().equals(format)) {
            return;
        }
        closeDecoder();
        format = info.format();
    }

    @Override
    public synchronized void accept(MediaPacket packet) {
        if (packets++ == 0 || firstFrameWallMs == 0) {
            firstFrameWallMs = wallClockMs.getAsLong();
        }
        MediaPacket unit = assembler.push(packet);
        if (unit == null || format == null) {
            return;
        }
        if (decoder == null) {
            decoder = new PictureDecoder(format, keyframesOnly);
        }
        decoder.decode(unit, this::picture);
    }

    @Override
    public synchronized void disconnected() {
        assembler.drain();
        reconnects++;
        firstFrameWallMs = 0;
        if (tracker.interrupt() == EventTracker.Change.ENDED) {
            ended();
        }
        if (detector != null) {
            detector.recalibrate();
        }
        sampler.reset();
        times.reset();
        closeDecoder();
    }

    /** Analyses one decoded picture; package-private so the accuracy suite can feed pictures directly. */
    void picture(Picture picture) {
        if (!sampler.take(picture.pts90k())) {
            return;
        }
        MotionDetector d = detectorFor(picture);
        picture.greyInto(grey);
        FrameVerdict verdict = d.analyse(grey);
        analysed++;
        long wallMs = times.wallMs(picture.pts90k());
        CompletableFuture<byte[]> request = snapshotRequest;
        if (request != null && !request.isDone()) {
            request.complete(picture.jpeg(settings.snapshotWidth()));
        }
        EventTracker.Change change = tracker.frame(wallMs, verdict.score());
        if (change == EventTracker.Change.STARTED) {
            started(picture, verdict);
        } else if (change == EventTracker.Change.ENDED) {
            ended();
        }
    }

    /** The detector for this picture size and the current settings, rebuilt when either changed. */
    private MotionDetector detectorFor(Picture picture) {
        int w = settings.width();
        int h = settings.heightFor(picture.width(), picture.height());
        DetectorConfig current = config;
        if (detector == null || detector.height() != h || detector.config() != current) {
            if (detector != null) {
                detector.close();
                grey.close();
            }
            detector = new MotionDetector(current, w, h);
            grey = new Mat(h, w, CV_8UC1);
        }
        return detector;
    }

    private void started(Picture picture, FrameVerdict verdict) {
        eventKey = EVENT_KEYS.incrementAndGet();
        events++;
        EventTiming t = tracker.timing();
        MotionListener.Started start = new MotionListener.Started(cameraId, eventKey, tracker.startMs(),
                t.preRollMs(), t.postRollMs(), verdict.score(), verdict.boxes(), snapshotOf(picture));
        safely(() -> listener.started(start));
    }

    private byte[] snapshotOf(Picture picture) {
        try {
            return picture.jpeg(settings.snapshotWidth());
        } catch (RuntimeException e) {
            LOG.warn("{}: no snapshot for motion event: {}", cameraId, e.toString());
            return null;
        }
    }

    private void ended() {
        long key = eventKey;
        MotionListener.Ended end = new MotionListener.Ended(cameraId, key, tracker.startMs(), tracker.endMs(),
                tracker.peakScore());
        safely(() -> listener.ended(end));
    }

    private void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: motion listener failed: {}", cameraId, e.toString());
        }
    }

    private void closeDecoder() {
        if (decoder != null) {
            decodedBefore += decoder.decoded();
            decoder.close();
            decoder = null;
        }
    }

    /** Ends an open event (the analysis stops) and frees the native resources. */
    @Override
    public synchronized void close() {
        if (tracker.interrupt() == EventTracker.Change.ENDED) {
            ended();
        }
        closeDecoder();
        if (detector != null) {
            detector.close();
            grey.close();
            detector = null;
        }
        CompletableFuture<byte[]> request = snapshotRequest;
        if (request != null) {
            request.completeExceptionally(new IllegalStateException("analysis stopped"));
        }
    }
}
