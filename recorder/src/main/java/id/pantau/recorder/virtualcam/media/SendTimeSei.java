package id.pantau.recorder.virtualcam.media;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A user-data-unregistered SEI carrying the wall-clock millisecond a frame left the virtual camera, so a viewer at
 * the end of the chain can tell its glass-to-glass latency on the same machine's clock. The time is written as
 * ASCII digits after {@link #UUID}: neither contains two zero bytes in a row, so no emulation prevention is needed.
 */
public final class SendTimeSei {

    /** The 16-byte identifier of Pantau's send-time SEI ("PantauSendTimeMs"). */
    public static final byte[] UUID = "PantauSendTimeMs".getBytes(StandardCharsets.US_ASCII);

    private static final int USER_DATA_UNREGISTERED = 5;
    private static final int H265_PREFIX_SEI = 39;

    private SendTimeSei() {
    }

    /** {@code frame} with the SEI inserted before its first picture slice. */
    public static AccessUnit stamp(AccessUnit frame, VideoCodec codec, long sentWallMs) {
        NalUnit sei = NalUnit.of(nal(codec, sentWallMs));
        List<NalUnit> nals = new ArrayList<>(frame.nalUnits().size() + 1);
        boolean inserted = false;
        for (NalUnit n : frame.nalUnits()) {
            if (!inserted && isSlice(codec, n.type(codec))) {
                nals.add(sei);
                inserted = true;
            }
            nals.add(n);
        }
        if (!inserted) {
            nals.add(sei);
        }
        return new AccessUnit(nals, frame.keyframe());
    }

    /** The SEI NAL unit (header included, no start code). */
    static byte[] nal(VideoCodec codec, long sentWallMs) {
        byte[] digits = Long.toString(sentWallMs).getBytes(StandardCharsets.US_ASCII);
        int payloadBytes = UUID.length + digits.length;
        byte[] header = codec == VideoCodec.H264 ? new byte[] {6} : new byte[] {(byte) (H265_PREFIX_SEI << 1), 1};
        byte[] nal = new byte[header.length + 2 + payloadBytes + 1];
        System.arraycopy(header, 0, nal, 0, header.length);
        int p = header.length;
        nal[p++] = USER_DATA_UNREGISTERED;
        nal[p++] = (byte) payloadBytes;
        System.arraycopy(UUID, 0, nal, p, UUID.length);
        System.arraycopy(digits, 0, nal, p + UUID.length, digits.length);
        nal[nal.length - 1] = (byte) 0x80; // rbsp_trailing_bits
        return nal;
    }

    private static boolean isSlice(VideoCodec codec, int type) {
        return codec == VideoCodec.H264 ? type >= 1 && type <= 5 : type < 32;
    }
}
