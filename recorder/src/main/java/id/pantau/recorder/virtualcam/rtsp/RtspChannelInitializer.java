package id.pantau.recorder.virtualcam.rtsp;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;

/** Pipeline of one RTSP connection: demux, decode, aggregate, handle; RTP goes out as raw buffers. */
public final class RtspChannelInitializer extends ChannelInitializer<Channel> {

    private final MountRegistry mounts;
    private final SessionRegistry sessions;
    private final PlaybackScheduler scheduler;
    private final int maxPayloadBytes;

    public RtspChannelInitializer(MountRegistry mounts, SessionRegistry sessions, PlaybackScheduler scheduler,
                                  int maxPayloadBytes) {
        this.mounts = mounts;
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    protected void initChannel(Channel channel) {
        channel.pipeline()
                .addLast("demux", new RtspFrameDemuxer())
                .addLast("rtsp-decoder", new RtspDecoder())
                .addLast("rtsp-encoder", new RtspEncoder()) // passes the ByteBufs of RTP straight through
                .addLast("aggregator", new HttpObjectAggregator(RtspFrameDemuxer.MAX_BODY_BYTES))
                .addLast("requests", new RtspRequestHandler(mounts, sessions, scheduler, maxPayloadBytes));
    }
}
