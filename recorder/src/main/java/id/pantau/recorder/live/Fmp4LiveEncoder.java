package id.pantau.recorder.live;

import id.pantau.recorder.mp4.Fmp4Muxer;
import id.pantau.recorder.segment.VideoFormat;
import java.util.List;

/**
 * Turns one subscription's events into one viewer's fragmented MP4: an init segment for each format, then a fragment
 * of one frame per access unit (the smallest unit a player can show, so nothing waits for a fragment to fill).
 * Frames that arrive before any format (cannot happen from a {@link LiveFeed}) are dropped.
 */
public final class Fmp4LiveEncoder {

    private LiveTimeline timeline;
    private int sequence;

    /** The message for {@code event}, or null when it produces none. */
    public LiveMessage encode(LiveEvent event) {
        if (event instanceof LiveEvent.Format f) {
            VideoFormat format = f.format();
            LiveTimeline previous = timeline;
            timeline = new LiveTimeline(f.frameRate());
            if (previous != null) {
                timeline.continueAfter(previous);
            }
            return new LiveMessage.Init("video/mp4; codecs=\"" + Fmp4Muxer.codecString(format) + "\"", format.width(),
                    format.height(),
                    Fmp4Muxer.initSegment(format));
        }
        if (event instanceof LiveEvent.Frame frame) {
            if (timeline == null) {
                return null;
            }
            var sample = timeline.place(frame.accessUnit(), frame.discontinuity());
            return new LiveMessage.Media(Fmp4Muxer.fragment(++sequence, List.of(sample)), sample.keyframe(),
                    sample.dts90k());
        }
        return new LiveMessage.State(((LiveEvent.Status) event).status());
    }
}
