package id.pantau.recorder.live;

import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.segment.VideoFormat;

/** A feed's latest keyframe with the format that decodes it (for snapshots). */
public record Keyframe(VideoFormat format, MediaPacket accessUnit, long receivedWallMs) {
}
