package id.pantau.recorder.virtualcam.rtsp;

import id.pantau.recorder.virtualcam.media.Clip;
import id.pantau.recorder.virtualcam.media.VideoCodec;
import id.pantau.recorder.virtualcam.media.VideoCodec.ParameterSetKind;
import java.util.EnumMap;
import java.util.Map;

/** The one video track a mount serves: codec, out-of-band parameter sets (NAL units without start codes), rate. */
public record MediaDescription(VideoCodec codec, Map<ParameterSetKind, byte[]> parameterSets, int frameRate) {

    public MediaDescription {
        parameterSets = Map.copyOf(parameterSets);
    }

    public static MediaDescription of(Clip clip) {
        Map<ParameterSetKind, byte[]> sets = new EnumMap<>(ParameterSetKind.class);
        clip.parameterSets().forEach((kind, nal) -> sets.put(kind, nal.toByteArray()));
        return new MediaDescription(clip.codec(), sets, clip.frameRate());
    }

    public byte[] parameterSet(ParameterSetKind kind) {
        byte[] nal = parameterSets.get(kind);
        if (nal == null) {
            throw new IllegalStateException("no " + kind + " for " + codec);
        }
        return nal;
    }
}
