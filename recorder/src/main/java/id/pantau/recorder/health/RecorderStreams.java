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
 * monitor) and counts each stream's reconnects within the recent window.
 */
public final class RecorderStreams implements StreamHealthSource {
    private final Supplier<List<CameraStatus>> statuses;
    private final long windowMs;
    private final Map<String, ArrayDeque<long[]>> reconnects = new HashMap<>();

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
                    s.stats().lastPacketAgeMs(), inWindow(s.cameraId(), s.stats().reconnects(), nowMs)));
        }
        reconnects.keySet().retainAll(m.keySet());
        return m;
    }

    /** Reconnects since the oldest count still inside the window. */
    private long inWindow(String cameraId, long total, long nowMs) {
        ArrayDeque<long[]> q = reconnects.computeIfAbsent(cameraId, k -> new ArrayDeque<>());
        q.addLast(new long[] {nowMs, total});
        while (q.size() > 1 && q.peekFirst()[0] < nowMs - windowMs) {
            q.removeFirst();
        }
        return total - q.peekFirst()[1];
    }
}
