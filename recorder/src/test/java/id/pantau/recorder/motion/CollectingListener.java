package id.pantau.recorder.motion;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every started and ended event. */
final class CollectingListener implements MotionListener {
    final List<Started> started = new CopyOnWriteArrayList<>();
    final List<Ended> ended = new CopyOnWriteArrayList<>();

    @Override
    public void started(Started event) {
        started.add(event);
    }

    @Override
    public void ended(Ended event) {
        ended.add(event);
    }

    /** Events as [startMs, endMs]; an event without an end yet ends at {@code openEndMs}. */
    List<long[]> intervals(long openEndMs) {
        List<long[]> out = new ArrayList<>();
        for (Started s : started) {
            long end = ended.stream().filter(e -> e.eventKey() == s.eventKey()).mapToLong(Ended::endWallMs)
                    .findFirst().orElse(openEndMs);
            out.add(new long[] {s.startWallMs(), end});
        }
        return out;
    }
}
