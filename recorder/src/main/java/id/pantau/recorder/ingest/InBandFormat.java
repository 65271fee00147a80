package id.pantau.recorder.ingest;

import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.segment.VideoFormat;
import java.util.Arrays;

/** The format a keyframe's in-band parameter sets describe, which wins over what the SDP announced. */
public final class InBandFormat {

    private InBandFormat() {
    }

    /**
     * {@code current} with the keyframe's parameter sets and picture size; {@code current} itself when the keyframe
     * carries none or the same ones (then the picture size is not parsed again).
     */
    public static VideoFormat of(VideoFormat current, byte[] keyframe) {
        VideoCodec codec = current.codec();
        byte[] inBand = ParameterSets.extract(codec, keyframe);
        if (!ParameterSets.isComplete(codec, inBand) || Arrays.equals(inBand, current.extradata())) {
            return current;
        }
        int[] size = PictureSize.of(codec, keyframe);
        return current.withExtradata(inBand, size[0] > 0 ? size[0] : current.width(),
                size[1] > 0 ? size[1] : current.height());
    }
}
