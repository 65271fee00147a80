package id.pantau.recorder.live;

import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.segment.VideoFormat;

/** What a subscriber receives, in order: a format before the frames it describes, frames, status changes. */
public sealed interface LiveEvent {

    /**
     * The frames that follow are in this format (parameter sets as Annex-B extradata): a new init segment. Sent
     * before the first keyframe of every connection and whenever the in-band parameter sets change.
     */
    record Format(VideoFormat format, double frameRate) implements LiveEvent {
    }

    /**
     * One access unit. {@code discontinuity} marks the first frame after a gap (start of the subscription, a skip
     * of a slow subscriber, a reconnect): it is always a keyframe, and its timestamps need not follow the previous
     * frame's.
     */
    record Frame(MediaPacket accessUnit, boolean discontinuity) implements LiveEvent {
    }

    /** The feed's state changed. */
    record Status(FeedStatus status) implements LiveEvent {
    }
}
