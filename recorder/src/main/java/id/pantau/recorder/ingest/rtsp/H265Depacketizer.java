package id.pantau.recorder.ingest.rtsp;

import io.netty.buffer.ByteBuf;

/**
 * RFC 7798 without DONL (sprop-max-don-diff 0, what cameras send): single NAL unit packets (types 0-47),
 * aggregation packets (48) and fragmentation units (49).
 */
final class H265Depacketizer extends NalDepacketizer {

    static final int AP = 48;
    static final int FU = 49;

    @Override
    void depacketize(ByteBuf payload, int offset, int length, AccessUnitBuffer unit) {
        if (length < 2) {
            return;
        }
        int header0 = payload.getUnsignedByte(offset);
        int type = (header0 >> 1) & 0x3F;
        if (type < AP) {
            whole(payload, offset, length, unit);
        } else if (type == AP) {
            aggregated(payload, offset + 2, offset + length, unit);
        } else if (type == FU && length >= 3) {
            int fuHeader = payload.getUnsignedByte(offset + 2);
            // the NAL header is the payload header with the FU's type in place of 49
            byte nal0 = (byte) ((header0 & 0x81) | ((fuHeader & 0x3F) << 1));
            fragment(payload, offset + 3, length - 3, (fuHeader & 0x80) != 0, (fuHeader & 0x40) != 0, nal0,
                    payload.getByte(offset + 1), unit);
        } else {
            unsupported(unit);
        }
    }
}
