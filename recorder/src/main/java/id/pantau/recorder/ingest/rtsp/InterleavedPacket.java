package id.pantau.recorder.ingest.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/** A packet that came "$"-framed on the RTSP connection (RFC 2326 section 10.12), with its channel number. */
final class InterleavedPacket extends DefaultByteBufHolder {

    private final int channel;

    InterleavedPacket(int channel, ByteBuf data) {
        super(data);
        this.channel = channel;
    }

    int channel() {
        return channel;
    }
}
