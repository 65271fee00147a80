package id.pantau.recorder.virtualcam.rtp;

import id.pantau.recorder.virtualcam.media.NalUnit;

/** RFC 6184 packetization mode 1: single NAL unit packets and FU-A fragments. */
public final class H264Packetizer extends NalPacketizer {

    static final int FU_A = 28;

    public H264Packetizer(int maxPayloadBytes) {
        super(maxPayloadBytes);
    }

    @Override
    protected int nalHeaderBytes() {
        return 1;
    }

    @Override
    protected int fragmentHeaderBytes() {
        return 2;
    }

    @Override
    protected void writeFragmentHeader(NalUnit nal, boolean start, boolean end, byte[] header) {
        int nalHeader = nal.byteAt(0) & 0xFF;
        header[0] = (byte) ((nalHeader & 0xE0) | FU_A);                       // FU indicator: F, NRI, type 28
        header[1] = (byte) (startEndBits(start, end) | (nalHeader & 0x1F));  // FU header: S, E, R=0, NAL type
    }
}
