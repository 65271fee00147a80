package id.pantau.recorder.virtualcam.rtsp;

import id.pantau.recorder.virtualcam.media.AccessUnit;
import id.pantau.recorder.virtualcam.media.Clip;
import id.pantau.recorder.virtualcam.media.NalUnit;
import id.pantau.recorder.virtualcam.media.VideoCodec;
import id.pantau.recorder.virtualcam.media.VideoCodec.ParameterSetKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small in-memory clips for protocol tests: 25 frames, keyframe first, one 3000-byte frame to force fragments. */
final class SyntheticClips {

    static final byte[] SPS = {0x67, 0x64, 0x00, 0x1F, (byte) 0xAC, (byte) 0xD9};
    static final byte[] PPS = {0x68, (byte) 0xEB, (byte) 0xE3, (byte) 0xCB};
    static final byte[] VPS = {0x40, 0x01, 0x0C, 0x01, (byte) 0xFF};
    static final byte[] SPS_265 = {0x42, 0x01, 0x01, 0x01, 0x60};
    static final byte[] PPS_265 = {0x44, 0x01, (byte) 0xC1, 0x72};

    private SyntheticClips() {
    }

    static Clip h264() {
        List<AccessUnit> frames = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            byte[] slice = new byte[i == 0 ? 3000 : 200];
            slice[0] = (byte) (i == 0 ? 0x65 : 0x41);
            slice[1] = (byte) 0x88;
            List<NalUnit> nals = i == 0
                    ? List.of(NalUnit.of(SPS), NalUnit.of(PPS), NalUnit.of(slice)) : List.of(NalUnit.of(slice));
            frames.add(new AccessUnit(nals, i == 0));
        }
        return new Clip(VideoCodec.H264, frames,
                Map.of(ParameterSetKind.SPS, NalUnit.of(SPS), ParameterSetKind.PPS, NalUnit.of(PPS)), 25);
    }

    static Clip h265() {
        byte[] idr = {0x26, 0x01, (byte) 0xAF, 0x01};
        return new Clip(VideoCodec.H265, List.of(new AccessUnit(List.of(NalUnit.of(idr)), true)),
                Map.of(ParameterSetKind.VPS, NalUnit.of(VPS), ParameterSetKind.SPS, NalUnit.of(SPS_265),
                        ParameterSetKind.PPS, NalUnit.of(PPS_265)), 25);
    }
}
