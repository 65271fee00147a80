package id.pantau.recorder.virtualcam.rtp;

import id.pantau.recorder.virtualcam.media.NalUnit;

/** RFC 7798 packetization: single NAL unit packets and fragmentation units (type 49), no DONL. */
public final class H265Packetizer extends NalPacketizer {

    static final int FU = 49;

    public H265Packetizer(int maxPayloadBytes) {
        super(maxPayloadBytes);
    }

    @Override
    protected int nalHeaderBytes() {
        return 2;
    }

    @Override
    protected int fragmentHeaderBytes() {
        return 3;
    }

    @Override
    protected void writeFragmentHeader(NalUnit nal, boolean start, boolean end, byte[] header) {
        int first = nal.byteAt(0) & 0xFF;
        int nalType = (first >> 1) & 0x3F;
        header[0] = (byte) ((first & 0x81) | (FU << 1)); // payload header: F and LayerId high bit kept, type 49
        header[1] = nal.byteAt(1);                       // LayerId low bits and TID unchanged
        header[2] = (byte) (startEndBits(start, end) | nalType);
    }
}
