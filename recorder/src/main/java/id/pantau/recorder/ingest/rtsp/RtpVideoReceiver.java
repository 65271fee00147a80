package id.pantau.recorder.ingest.rtsp;

import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.segment.VideoCodec;
import io.netty.buffer.ByteBuf;

/**
 * Turns one RTP video stream into access units: checks sequence numbers, extends timestamps to 90 kHz ticks
 * from the first packet, depacketizes, and closes an access unit at the marker bit or, if the marker was lost,
 * when the timestamp changes. Parameter sets sent on their own wait for the picture they belong to.
 *
 * <p>After a lost packet the damaged access unit and every one after it are dropped until an intact keyframe:
 * pictures that reference lost data cannot be decoded. Not thread-safe: one event loop calls it; the counters
 * may be read from any thread.
 */
final class RtpVideoReceiver {

    /** Takes complete access units; false if it could not (then the receiver waits for the next keyframe). */
    @FunctionalInterface
    interface AccessUnitSink {
        boolean accept(MediaPacket accessUnit);
    }

    private final int payloadType;
    private final NalDepacketizer depacketizer;
    private final AccessUnitBuffer unit;
    private final AccessUnitSink sink;
    private final RtpSequence sequence = new RtpSequence();
    private final RtpTimeline timeline = new RtpTimeline();

    private boolean unitOpen;
    private long unitTimestamp90k;
    private boolean waitForKeyframe;
    private volatile long lostPackets;
    private volatile long droppedUnits;
    private volatile long malformedPackets;

    RtpVideoReceiver(VideoCodec codec, int payloadType, AccessUnitSink sink) {
        this.payloadType = payloadType;
        this.depacketizer = NalDepacketizer.forCodec(codec);
        this.unit = new AccessUnitBuffer(codec);
        this.sink = sink;
    }

    /** One RTP packet, between the buffer's reader and writer index; the caller keeps ownership. */
    void packet(ByteBuf packet) {
        RtpHeader header = RtpHeader.parse(packet);
        if (header == null) {
            malformedPackets++;
            return;
        }
        if (header.payloadType() != payloadType) {
            return;
        }
        int lost = sequence.accept(header.sequence());
        if (lost == RtpSequence.LATE) {
            return;
        }
        long timestamp90k = timeline.extend(header.timestamp());
        if (lost > 0) {
            lostPackets += lost;
            depacketizer.reset();
            waitForKeyframe = true;
            // the lost packets may have ended the open unit or begun this packet's one: both are suspect
            unit.markDamaged();
        }
        if (unitOpen && timestamp90k != unitTimestamp90k) {
            finishUnit();
            if (lost > 0) {
                unit.markDamaged();
            }
        }
        if (!unitOpen) {
            unitOpen = true;
            unitTimestamp90k = timestamp90k;
        }
        depacketizer.depacketize(packet, packet.readerIndex() + header.payloadOffset(), header.payloadLength(), unit);
        if (header.marker()) {
            finishUnit();
        }
    }

    long lostPackets() {
        return lostPackets;
    }

    /** Access units dropped because they were damaged, followed a loss, or found the sink full. */
    long droppedUnits() {
        return droppedUnits;
    }

    long malformedPackets() {
        return malformedPackets;
    }

    private void finishUnit() {
        unitOpen = false;
        if (!unit.hasPicture() && !unit.damaged()) {
            return; // parameter sets or SEI alone: they go with the next picture
        }
        if (unit.damaged() || (waitForKeyframe && !unit.keyframe())) {
            waitForKeyframe = true;
            droppedUnits++;
            unit.clear();
            return;
        }
        waitForKeyframe = false;
        if (!sink.accept(unit.take(unitTimestamp90k))) {
            waitForKeyframe = true;
            droppedUnits++;
        }
    }
}
