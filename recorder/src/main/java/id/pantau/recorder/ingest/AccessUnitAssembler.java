package id.pantau.recorder.ingest;

import java.util.Arrays;

/**
 * Merges consecutive packets that carry the same timestamps (the slices of one picture, or parameter sets sent
 * apart from their picture) into one access unit, so the muxer never sees two samples with one DTS.
 */
public final class AccessUnitAssembler {

    private MediaPacket pending;

    /** Takes the next packet; returns an access unit once the following one has begun, else null. */
    public MediaPacket push(MediaPacket packet) {
        if (pending == null) {
            pending = packet;
            return null;
        }
        if (packet.dts90k() == pending.dts90k() && packet.pts90k() == pending.pts90k()) {
            pending = merge(pending, packet);
            return null;
        }
        MediaPacket complete = pending;
        pending = packet;
        return complete;
    }

    /** The access unit still being assembled (at end of stream), or null. */
    public MediaPacket drain() {
        MediaPacket last = pending;
        pending = null;
        return last;
    }

    private static MediaPacket merge(MediaPacket a, MediaPacket b) {
        byte[] data = new byte[a.data().length + b.data().length];
        System.arraycopy(a.data(), 0, data, 0, a.data().length);
        System.arraycopy(b.data(), 0, data, a.data().length, b.data().length);
        return new MediaPacket(a.dts90k(), a.pts90k(), a.keyframe() || b.keyframe(), data,
                mergedStarts(a, b));
    }

    private static int[] mergedStarts(MediaPacket a, MediaPacket b) {
        if (a.nalStarts() == null || b.nalStarts() == null) {
            return null;
        }
        int[] starts = Arrays.copyOf(a.nalStarts(), a.nalStarts().length + b.nalStarts().length);
        for (int i = 0; i < b.nalStarts().length; i++) {
            starts[a.nalStarts().length + i] = a.data().length + b.nalStarts()[i];
        }
        return starts;
    }
}
