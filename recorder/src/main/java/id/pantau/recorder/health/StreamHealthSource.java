package id.pantau.recorder.health;

import id.pantau.recorder.health.state.StreamSample;
import java.util.Map;

/** The recorder's view of the streams it records, by camera id; cameras it does not record are absent. */
public interface StreamHealthSource {

    Map<String, StreamSample> samples(long nowMs);

    /** A node that records nothing (health of cameras recorded elsewhere comes from RTSP probes). */
    StreamHealthSource NONE = nowMs -> Map.of();
}
