package id.pantau.recorder.ingest.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.ingest.ParameterSets;
import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.virtualcam.MediaFixtures;
import id.pantau.recorder.virtualcam.media.AccessUnit;
import id.pantau.recorder.virtualcam.media.AnnexBReader;
import id.pantau.recorder.virtualcam.media.Clip;
import id.pantau.recorder.virtualcam.rtp.NalPacketizer;
import id.pantau.recorder.virtualcam.rtp.RtpStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real clips packetized by the virtual camera's RTP packetizer, framed as RTSP interleaved data, read back through
 * {@link RtspClientFraming} in arbitrary read sizes and depacketized: every access unit comes back byte for byte.
 */
class RtpRoundTripTest {

    @Test
    void h264ClipSurvivesPacketizingAndDepacketizing() throws Exception {
        roundTrip(MediaFixtures.mainH264(), VideoCodec.H264);
    }

    @Test
    void h265ClipSurvivesPacketizingAndDepacketizing() throws Exception {
        roundTrip(MediaFixtures.mainH265(), VideoCodec.H265);
    }

    private static void roundTrip(Path file, VideoCodec codec) throws Exception {
        Clip clip = AnnexBReader.readFile(file, 25);
        int frames = Math.min(clip.frameCount(), 120);
        RtpStream stream = new RtpStream(42, 65_500, 96, NalPacketizer.forCodec(clip.codec(), 1388));
        ByteBuf wire = Unpooled.buffer();
        long start = 0xFFFF_0000L; // the timestamp wraps within the clip
        for (int i = 0; i < frames; i++) {
            stream.writeInterleaved(clip.frame(i), (start + i * 3600L) & 0xFFFF_FFFFL, 0, wire);
        }

        List<MediaPacket> units = new ArrayList<>();
        RtpVideoReceiver receiver = new RtpVideoReceiver(codec, 96, units::add);
        EmbeddedChannel channel = new EmbeddedChannel(new RtspClientFraming(), new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                InterleavedPacket packet = (InterleavedPacket) msg;
                receiver.packet(packet.content());
                packet.release();
            }
        });
        // reads of odd sizes split headers and packets anywhere
        int[] sizes = {1, 3, 7, 1500, 65_536, 4, 333};
        for (int i = 0; wire.isReadable(); i++) {
            channel.writeInbound(wire.readRetainedSlice(Math.min(sizes[i % sizes.length], wire.readableBytes())));
        }
        channel.finishAndReleaseAll();
        wire.release();

        assertThat(units).hasSize(frames);
        assertThat(receiver.lostPackets()).isZero();
        for (int i = 0; i < frames; i++) {
            AccessUnit expected = clip.frame(i);
            assertThat(units.get(i).keyframe()).as("keyframe flag of frame %d", i).isEqualTo(expected.keyframe());
            assertThat(units.get(i).dts90k()).isEqualTo(i * 3600L);
            assertThat(units.get(i).data()).as("frame %d", i).isEqualTo(expected.toAnnexB());
        }
        MediaPacket first = units.get(0);
        byte[] sps = ParameterSets.sequenceParameterSet(codec, ParameterSets.extract(codec, first.data()));
        assertThat(SequenceParameterSet.pictureSize(codec, sps)).containsExactly(1280, 720);
    }
}
