package id.pantau.recorder.live;

import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.ingest.StreamInfo;
import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.segment.VideoFormat;
import id.pantau.recorder.virtualcam.TestMedia;
import id.pantau.recorder.virtualcam.media.AccessUnit;
import id.pantau.recorder.virtualcam.media.AnnexBReader;
import id.pantau.recorder.virtualcam.media.Clip;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real encoded access units from the virtual cameras' test media, timed at 25 fps as a camera would send them. */
final class ClipFrames {

    private ClipFrames() {
    }

    static Clip clip(Path file) throws IOException {
        return AnnexBReader.readFile(file, TestMedia.FRAME_RATE);
    }

    /** The announced format without extradata: the feed must take the parameter sets from the keyframes. */
    static StreamInfo info(Clip clip) {
        VideoCodec codec = clip.codec() == id.pantau.recorder.virtualcam.media.VideoCodec.H264
                ? VideoCodec.H264 : VideoCodec.H265;
        return new StreamInfo(new VideoFormat(codec, 0, 0, new byte[0]), clip.frameRate());
    }

    /** Frames {@code from} (inclusive) to {@code to}, looping the clip, as Annex-B access units. */
    static List<MediaPacket> packets(Clip clip, int from, int to) {
        List<MediaPacket> packets = new ArrayList<>();
        for (int n = from; n < to; n++) {
            AccessUnit au = clip.frame(n);
            long t90k = (long) n * clip.frameDuration90k();
            packets.add(new MediaPacket(t90k, t90k, au.keyframe(), au.toAnnexB()));
        }
        return packets;
    }
}
