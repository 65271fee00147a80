package id.pantau.recorder.virtualcam.media;

import java.util.List;

/** One coded picture: its NAL units in decoding order and whether a decoder can start from it. */
public record AccessUnit(List<NalUnit> nalUnits, boolean keyframe) {

    public AccessUnit {
        nalUnits = List.copyOf(nalUnits);
        if (nalUnits.isEmpty()) {
            throw new IllegalArgumentException("An access unit needs at least one NAL unit");
        }
    }

    public int sizeBytes() {
        int size = 0;
        for (NalUnit nal : nalUnits) {
            size += nal.length();
        }
        return size;
    }
}
