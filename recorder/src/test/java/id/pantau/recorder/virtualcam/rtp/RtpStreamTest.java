package id.pantau.recorder.virtualcam.rtp;

import id.pantau.recorder.virtualcam.media.AccessUnit;
import id.pantau.recorder.virtualcam.media.NalUnit;
import id.pantau.recorder.virtualcam.media.VideoCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RtpStreamTest {

    @Test
    void writesInterleavedPacketsWithContinuousSequenceAcrossWrap() {
        byte[] idr = new byte[300];
        idr[0] = 0x65;
        AccessUnit frame = new AccessUnit(List.of(NalUnit.of(new byte[] {0x67, 1, 2}), NalUnit.of(idr)), true);
        RtpStream stream = new RtpStream(0xCAFEBABE, 0xFFFE, 96, NalPacketizer.forCodec(VideoCodec.H264, 100));
        ByteBuf out = Unpooled.buffer();

        int packets = stream.writeInterleaved(frame, 0xFFFF_FFF0L, 2, out);

        List<Integer> sequences = new ArrayList<>();
        List<Boolean> markers = new ArrayList<>();
        while (out.isReadable()) {
            assertThat(out.readByte()).isEqualTo((byte) '$');
            assertThat(out.readUnsignedByte()).isEqualTo((short) 2);
            int length = out.readUnsignedShort();
            ByteBuf packet = out.readSlice(length);
            assertThat(packet.readUnsignedByte()).as("version 2, no padding/extension/CSRC").isEqualTo((short) 0x80);
            int second = packet.readUnsignedByte();
            markers.add((second & 0x80) != 0);
            assertThat(second & 0x7F).isEqualTo(96);
            sequences.add(packet.readUnsignedShort());
            assertThat(packet.readUnsignedInt()).isEqualTo(0xFFFF_FFF0L);
            assertThat(packet.readInt()).isEqualTo(0xCAFEBABE);
            assertThat(packet.readableBytes()).isPositive().isLessThanOrEqualTo(100);
        }
        assertThat(packets).isEqualTo(1 + 4); // SPS whole, 299 bytes after the IDR header in 98-byte fragments
        assertThat(sequences).containsExactly(0xFFFE, 0xFFFF, 0, 1, 2);
        assertThat(markers).containsExactly(false, false, false, false, true);
        assertThat(stream.nextSequence()).isEqualTo(3);
    }
}
