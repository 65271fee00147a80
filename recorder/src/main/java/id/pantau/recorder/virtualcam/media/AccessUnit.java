package id.pantau.recorder.virtualcam.media;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** One coded picture: its NAL units in decoding order and whether a decoder can start from it. */
public record AccessUnit(List<NalUnit> nalUnits, boolean keyframe) {

    public AccessUnit {
        nalUnits = List.copyOf(nalUnits);
        if (nalUnits.isEmpty()) {
            throw new IllegalArgumentException("An access unit needs at least one NAL unit");
        }
    }

    /** Four-byte start code that {@link #toAnnexB()} puts before each NAL unit. */
    static final byte[] START_CODE = {0, 0, 0, 1};

    /** The NAL units with start codes, as RTSP depacketizers and FFmpeg hand access units on. */
    public byte[] toAnnexB() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sizeBytes() + START_CODE.length * nalUnits.size());
        for (NalUnit nal : nalUnits) {
            out.writeBytes(START_CODE);
            out.write(nal.buffer(), nal.offset(), nal.length());
        }
        return out.toByteArray();
    }

    public int sizeBytes() {
        int size = 0;
        for (NalUnit nal : nalUnits) {
            size += nal.length();
        }
        return size;
    }
}
