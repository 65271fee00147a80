package id.pantau.recorder.ingest.rtsp;

import io.netty.buffer.ByteBuf;

/** RFC 6184 non-interleaved mode: single NAL unit packets (types 1-23), STAP-A (24) and FU-A (28). */
final class H264Depacketizer extends NalDepacketizer {

    static final int STAP_A = 24;
    static final int FU_A = 28;

    @Override
    void depacketize(ByteBuf payload, int offset, int length, AccessUnitBuffer unit) {
        if (length < 1) {
            return;
        }
        int indicator = payload.getUnsignedByte(offset);
        int type = indicator & 0x1F;
        if (type >= 1 && type <= 23) {
            whole(payload, offset, length, unit);
        } else if (type == STAP_A) {
            aggregated(payload, offset + 1, offset + length, unit);
        } else if (type == FU_A && length >= 2) {
            int fuHeader = payload.getUnsignedByte(offset + 1);
            byte nalHeader = (byte) ((indicator & 0xE0) | (fuHeader & 0x1F));
            fragment(payload, offset + 2, length - 2, (fuHeader & 0x80) != 0, (fuHeader & 0x40) != 0, nalHeader,
                    (byte) 0, unit);
        } else {
            unsupported(unit);
        }
    }
}
