package id.pantau.recorder.ingest.rtsp;

import id.pantau.recorder.segment.VideoCodec;
import io.netty.buffer.ByteBuf;

/**
 * Rebuilds NAL units from RTP payloads into an {@link AccessUnitBuffer}: single NAL unit packets, aggregation
 * packets and fragmentation units. A fragmented NAL unit whose start or end never arrives damages its access
 * unit; the receiver then drops it.
 */
abstract sealed class NalDepacketizer permits H264Depacketizer, H265Depacketizer {

    private boolean inFragment;

    static NalDepacketizer forCodec(VideoCodec codec) {
        return codec == VideoCodec.H264 ? new H264Depacketizer() : new H265Depacketizer();
    }

    /** One RTP payload, {@code length} bytes from {@code offset}. */
    abstract void depacketize(ByteBuf payload, int offset, int length, AccessUnitBuffer unit);

    /** Packets were lost: a fragment in progress can never complete. */
    final void reset() {
        inFragment = false;
    }

    /** A whole NAL unit arrived; an unfinished fragmented one before it lost its end. */
    final void whole(ByteBuf payload, int offset, int length, AccessUnitBuffer unit) {
        abandonFragment(unit);
        unit.addNal(payload, offset, length);
    }

    /** NAL units of an aggregation packet, each preceded by its 16-bit size. */
    final void aggregated(ByteBuf payload, int offset, int end, AccessUnitBuffer unit) {
        abandonFragment(unit);
        int p = offset;
        while (p + 2 <= end) {
            int size = payload.getUnsignedShort(p);
            p += 2;
            if (size == 0 || p + size > end) {
                unit.markDamaged();
                return;
            }
            unit.addNal(payload, p, size);
            p += size;
        }
    }

    /**
     * One fragment: {@code start}/{@code end} are the S and E bits, the data starts after the FU header. A
     * fragment without a started NAL unit (its start was lost) damages the access unit.
     */
    final void fragment(ByteBuf payload, int dataOffset, int dataLength, boolean start, boolean end, byte header0,
                        byte header1, AccessUnitBuffer unit) {
        if (start) {
            abandonFragment(unit);
            unit.beginFragmentedNal(header0, header1);
            inFragment = true;
        } else if (!inFragment) {
            unit.markDamaged();
            return;
        }
        unit.append(payload, dataOffset, dataLength);
        if (end) {
            inFragment = false;
        }
    }

    /** A packet type this depacketizer does not take (interleaved mode, PACI): the access unit is incomplete. */
    final void unsupported(AccessUnitBuffer unit) {
        abandonFragment(unit);
        unit.markDamaged();
    }

    private void abandonFragment(AccessUnitBuffer unit) {
        if (inFragment) {
            inFragment = false;
            unit.markDamaged();
        }
    }
}
