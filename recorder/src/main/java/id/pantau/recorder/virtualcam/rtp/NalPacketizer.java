package id.pantau.recorder.virtualcam.rtp;

import id.pantau.recorder.virtualcam.media.AccessUnit;
import id.pantau.recorder.virtualcam.media.NalUnit;
import id.pantau.recorder.virtualcam.media.VideoCodec;

import java.util.List;

/**
 * Cuts access units into RTP payloads: a NAL unit that fits goes whole (single NAL unit packet), a larger one is
 * split into fragmentation units whose header layout the codec-specific subclass defines.
 */
public abstract class NalPacketizer {

    /** RTP payload budget that keeps a 12-byte RTP header plus IP/UDP headers under a 1500-byte Ethernet MTU. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1400 - RtpPacket.HEADER_BYTES;

    private final int maxPayloadBytes;
    private final byte[] scratchHeader = new byte[3];

    protected NalPacketizer(int maxPayloadBytes) {
        if (maxPayloadBytes < fragmentHeaderBytes() + 1) {
            throw new IllegalArgumentException("maxPayloadBytes too small: " + maxPayloadBytes);
        }
        this.maxPayloadBytes = maxPayloadBytes;
    }

    public static NalPacketizer forCodec(VideoCodec codec, int maxPayloadBytes) {
        return codec == VideoCodec.H264 ? new H264Packetizer(maxPayloadBytes) : new H265Packetizer(maxPayloadBytes);
    }

    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /** Emits every payload of {@code frame}; the marker is set only on the very last one. */
    public void packetize(AccessUnit frame, PayloadSink sink) {
        List<NalUnit> nals = frame.nalUnits();
        for (int i = 0; i < nals.size(); i++) {
            packetize(nals.get(i), i == nals.size() - 1, sink);
        }
    }

    /** Emits the payloads of one NAL unit; {@code lastOfAccessUnit} decides the marker of its last payload. */
    public void packetize(NalUnit nal, boolean lastOfAccessUnit, PayloadSink sink) {
        if (nal.length() <= maxPayloadBytes) {
            sink.payload(scratchHeader, 0, nal.buffer(), nal.offset(), nal.length(), lastOfAccessUnit);
            return;
        }
        int headerBytes = nalHeaderBytes();
        int chunkBytes = maxPayloadBytes - fragmentHeaderBytes();
        int position = nal.offset() + headerBytes; // the NAL header is carried in the FU headers, not repeated
        int end = nal.offset() + nal.length();
        boolean first = true;
        while (position < end) {
            int length = Math.min(chunkBytes, end - position);
            boolean last = position + length == end;
            writeFragmentHeader(nal, first, last, scratchHeader);
            sink.payload(scratchHeader, fragmentHeaderBytes(), nal.buffer(), position, length,
                    last && lastOfAccessUnit);
            position += length;
            first = false;
        }
    }

    /** Bytes of the NAL unit header this codec uses. */
    protected abstract int nalHeaderBytes();

    /** Bytes of payload header plus FU header in front of every fragment. */
    protected abstract int fragmentHeaderBytes();

    /** Fills {@code header[0..fragmentHeaderBytes())} for one fragment of {@code nal}. */
    protected abstract void writeFragmentHeader(NalUnit nal, boolean start, boolean end, byte[] header);

    protected static int startEndBits(boolean start, boolean end) {
        return (start ? 0x80 : 0) | (end ? 0x40 : 0);
    }
}
