package id.pantau.recorder.virtualcam.rtsp;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;

import java.util.function.Supplier;

/** Pipeline of one RTSP connection: demux, decode, aggregate, handle; RTP goes out as raw buffers. */
public final class RtspChannelInitializer extends ChannelInitializer<Channel> {

    private final Supplier<RtspRequestHandler> handlers;

    /** The virtual cameras' pipeline: mounts of clips, paced by {@code scheduler}. */
    public RtspChannelInitializer(MountRegistry mounts, SessionRegistry sessions, PlaybackScheduler scheduler,
                                  int maxPayloadBytes) {
        this(() -> new RtspRequestHandler(mounts, sessions, scheduler, maxPayloadBytes));
    }

    /** Any server's pipeline; {@code handlers} makes the request handler of each new connection. */
    public RtspChannelInitializer(Supplier<RtspRequestHandler> handlers) {
        this.handlers = handlers;
    }

    @Override
    protected void initChannel(Channel channel) {
        channel.pipeline()
                .addLast("demux", new RtspFrameDemuxer())
                .addLast("rtsp-decoder", new RtspDecoder())
                .addLast("rtsp-encoder", new RtspEncoder()) // passes the ByteBufs of RTP straight through
                .addLast("aggregator", new HttpObjectAggregator(RtspFrameDemuxer.MAX_BODY_BYTES))
                .addLast("requests", handlers.get());
    }
}
