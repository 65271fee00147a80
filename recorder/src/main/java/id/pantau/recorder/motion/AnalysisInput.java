package id.pantau.recorder.motion;

import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.ingest.StreamInfo;

/**
 * Where a camera's analysis stream is pushed, by {@link StreamPuller} or by any other source of packets (such as
 * a live fan-out hub). Calls come from one thread at a time, in stream order.
 */
public interface AnalysisInput {

    /** A connection opened, or the stream's format changed: packets that follow are in this format. */
    void formatChanged(StreamInfo info);

    /** The next packet (or access unit) of the stream, Annex-B, timestamps in 90 kHz ticks. */
    void accept(MediaPacket packet);

    /** The stream broke off; the next packets, if any, follow a new {@link #formatChanged}. */
    void disconnected();
}
