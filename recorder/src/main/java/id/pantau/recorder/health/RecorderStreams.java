package id.pantau.recorder.health;

import id.pantau.recorder.health.state.StreamSample;
import id.pantau.recorder.ingest.CameraState;
import id.pantau.recorder.node.CameraStatus;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a recorder node's per-camera status (a snapshot copy: nothing on the recording threads waits for the
 * monitor) and counts how often each stream came back within the recent window. Comebacks, not the recorder's
 * reconnect attempts: a camera behind a cut link makes many attempts, which are the link's fault, not its own.
 */
public final class RecorderStreams implements StreamHealthSource {
    private final Supplier<List<CameraStatus>> statuses;
    private final long windowMs;
    private final Map<String, Stream> streams = new HashMap<>();

    /** What is remembered of one stream between samples. */
    private static final class Stream {
        boolean recording;
        boolean everRecorded;
        final ArrayDeque<Long> comebacks = new ArrayDeque<>();
    }

    /** @param statuses e.g. {@code recorderNode::statuses} */
    public RecorderStreams(Supplier<List<CameraStatus>> statuses, Duration reconnectWindow) {
        this.statuses = statuses;
        this.windowMs = reconnectWindow.toMillis();
    }

    @Override
    public synchronized Map<String, StreamSample> samples(long nowMs) {
        Map<String, StreamSample> m = new HashMap<>();
        for (CameraStatus s : statuses.get()) {
            CameraState st = s.state();
            m.put(s.cameraId(), new StreamSample(st.recording(), st.phase() == CameraState.Phase.CONNECTING,
                    Math.max(0, nowMs - st.sinceWallMs()), st.detail(), s.stats().fps(), s.stats().bitrateBps(),
                    s.stats().lastPacketAgeMs(), comebacks(s.cameraId(), st.recording(), nowMs)));
        }
        streams.keySet().retainAll(m.keySet());
        return m;
    }

    private int comebacks(String cameraId, boolean recordingNow, long nowMs) {
        Stream s = streams.computeIfAbsent(cameraId, k -> new Stream());
        // the first connection is no comeback: only a stream that recorded, stopped and records again
        if (recordingNow && !s.recording && s.everRecorded) {
            s.comebacks.addLast(nowMs);
        }
        s.recording = recordingNow;
        s.everRecorded |= recordingNow;
        while (!s.comebacks.isEmpty() && s.comebacks.peekFirst() < nowMs - windowMs) {
            s.comebacks.removeFirst();
        }
        return s.comebacks.size();
    }
}
