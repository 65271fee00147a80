package id.pantau.recorder.ingest.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.segment.VideoCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Depacketizing and access-unit assembly, packet by packet, for H.264 (RFC 6184) and H.265 (RFC 7798). */
class RtpVideoReceiverTest {

    private static final int PT = 96;
    // H.264 NAL headers: SPS 0x67, PPS 0x68, IDR slice 0x65, non-IDR slice 0x41
    private static final byte[] SPS = hex("6742c01e");
    private static final byte[] PPS = hex("68ce3c80");

    private final List<MediaPacket> units = new ArrayList<>();
    private boolean accepting = true;

    private RtpVideoReceiver receiver(VideoCodec codec) {
        return new RtpVideoReceiver(codec, PT, au -> accepting && units.add(au));
    }

    @Test
    void singleNalUnitPacketsMakeOneAccessUnitPerMarker() {
        RtpVideoReceiver r = receiver(VideoCodec.H264);
        r.packet(rtp(10, 1000, false, SPS));
        r.packet(rtp(11, 1000, false, PPS));
        r.packet(rtp(12, 1000, true, hex("6588aa")));
        r.packet(rtp(13, 4600, true, hex("419a01")));

        assertThat(units).hasSize(2);
        assertThat(units.get(0).keyframe()).isTrue();
        assertThat(units.get(0).dts90k()).isZero();
        assertThat(hex(units.get(0).data())).isEqualTo("00000001" + "6742c01e" + "00000001" + "68ce3c80" + "00000001" + "6588aa");
        assertThat(units.get(1).keyframe()).isFalse();
        assertThat(units.get(1).dts90k()).isEqualTo(3600);
        assertThat(units.get(1).pts90k()).isEqualTo(3600);
        assertThat(r.lostPackets()).isZero();
    }

    @Test
    void stapAAndFuARebuildTheNalUnits() {
        RtpVideoReceiver r = receiver(VideoCodec.H264);
        r.packet(rtp(1, 0, false, concat(hex("18"), u16(SPS.length), SPS, u16(PPS.length), PPS)));
        // IDR 65 11 22 33 44 55 in three FU-A fragments: indicator keeps F/NRI (0x60) with type 28 (0x7c)
        r.packet(rtp(2, 0, false, hex("7c85" + "1122")));
        r.packet(rtp(3, 0, false, hex("7c05" + "33")));
        r.packet(rtp(4, 0, true, hex("7c45" + "4455")));

        assertThat(units).hasSize(1);
        assertThat(hex(units.get(0).data()))
                .isEqualTo("00000001" + "6742c01e" + "00000001" + "68ce3c80" + "00000001" + "651122334455");
        assertThat(units.get(0).nalStarts()).containsExactly(0, 8, 16);
        assertThat(units.get(0).keyframe()).isTrue();
    }

    @Test
    void aFragmentLostMidFrameDropsEverythingUpToTheNextKeyframe() {
        RtpVideoReceiver r = receiver(VideoCodec.H264);
        r.packet(rtp(100, 0, true, hex("6501")));            // keyframe: kept
        r.packet(rtp(101, 3600, false, hex("7c81" + "aa")));  // P frame in fragments, the middle one (102) lost
        r.packet(rtp(103, 3600, true, hex("7c41" + "cc")));
        r.packet(rtp(104, 7200, true, hex("4102")));         // intact, but refers to the damaged frame
        r.packet(rtp(105, 10800, false, hex("7c85" + "dd"))); // next keyframe, intact
        r.packet(rtp(106, 10800, true, hex("7c45" + "ee")));
        r.packet(rtp(107, 14400, true, hex("4103")));

        assertThat(units).extracting(MediaPacket::dts90k).containsExactly(0L, 10800L, 14400L);
        assertThat(hex(units.get(1).data())).isEqualTo("00000001" + "65ddee");
        assertThat(r.lostPackets()).isEqualTo(1);
        assertThat(r.droppedUnits()).isEqualTo(2);
    }

    @Test
    void aFragmentWhoseStartNeverCameIsDropped() {
        RtpVideoReceiver r = receiver(VideoCodec.H264);
        r.packet(rtp(7, 0, false, hex("7c05" + "33")));  // joined mid-NAL: no start bit seen
        r.packet(rtp(8, 0, true, hex("7c45" + "44")));
        r.packet(rtp(9, 3600, true, hex("6501")));

        assertThat(units).extracting(MediaPacket::dts90k).containsExactly(3600L);
        assertThat(r.droppedUnits()).isEqualTo(1);
        assertThat(r.lostPackets()).isZero();
    }

    @Test
    void aLostMarkerIsMadeUpForByTheTimestampChange() {
        RtpVideoReceiver r = receiver(VideoCodec.H264);
        r.packet(rtp(1, 0, false, hex("6501")));
        r.packet(rtp(2, 3600, false, hex("4102")));
        r.packet(rtp(3, 7200, true, hex("4103")));

        assertThat(units).extracting(MediaPacket::dts90k).containsExactly(0L, 3600L, 7200L);
    }

    @Test
    void parameterSetsSentApartWaitForTheirPicture() {
        RtpVideoReceiver r = receiver(VideoCodec.H264);
        r.packet(rtp(1, 0, true, SPS));
        r.packet(rtp(2, 0, true, PPS));
        r.packet(rtp(3, 3600, true, hex("6501")));

        assertThat(units).hasSize(1);
        assertThat(units.get(0).dts90k()).isEqualTo(3600);
        assertThat(hex(units.get(0).data())).isEqualTo("00000001" + "6742c01e" + "00000001" + "68ce3c80" + "00000001" + "6501");
    }

    @Test
    void sequenceAndTimestampWrapAroundWithoutLossOrJump() {
        RtpVideoReceiver r = receiver(VideoCodec.H264);
        r.packet(rtp(65534, 0xFFFF_F000L, true, hex("6501")));
        r.packet(rtp(65535, 0xFFFF_F000L + 3600, true, hex("4102")));
        r.packet(rtp(0, (0xFFFF_F000L + 7200) & 0xFFFF_FFFFL, true, hex("4103")));
        r.packet(rtp(1, (0xFFFF_F000L + 10800) & 0xFFFF_FFFFL, true, hex("4104")));

        assertThat(units).extracting(MediaPacket::dts90k).containsExactly(0L, 3600L, 7200L, 10800L);
        assertThat(r.lostPackets()).isZero();
    }

    @Test
    void lateAndRepeatedPacketsAreIgnored() {
        RtpVideoReceiver r = receiver(VideoCodec.H264);
        r.packet(rtp(5, 0, true, hex("6501")));
        r.packet(rtp(5, 0, true, hex("6501")));
        r.packet(rtp(6, 3600, true, hex("4102")));
        r.packet(rtp(4, 0, true, hex("4199")));

        assertThat(units).extracting(MediaPacket::dts90k).containsExactly(0L, 3600L);
        assertThat(r.lostPackets()).isZero();
    }

    @Test
    void aFullSinkMakesTheReceiverWaitForTheNextKeyframe() {
        RtpVideoReceiver r = receiver(VideoCodec.H264);
        r.packet(rtp(1, 0, true, hex("6501")));
        accepting = false;
        r.packet(rtp(2, 3600, true, hex("4102")));
        accepting = true;
        r.packet(rtp(3, 7200, true, hex("4103")));
        r.packet(rtp(4, 10800, true, hex("6504")));

        assertThat(units).extracting(MediaPacket::dts90k).containsExactly(0L, 10800L);
        assertThat(r.droppedUnits()).isEqualTo(2);
    }

    @Test
    void otherPayloadTypesAndNonRtpAreIgnored() {
        RtpVideoReceiver r = receiver(VideoCodec.H264);
        ByteBuf other = rtp(1, 0, true, hex("6501"));
        other.setByte(1, 0x80 | 97);
        r.packet(other);
        r.packet(Unpooled.wrappedBuffer(hex("00112233445566778899aabbcc")));
        r.packet(rtp(2, 0, true, hex("6501")));

        assertThat(units).hasSize(1);
        assertThat(r.malformedPackets()).isEqualTo(1);
    }

    @Test
    void h265SingleAggregationAndFragmentationUnits() {
        RtpVideoReceiver r = receiver(VideoCodec.H265);
        // NAL headers (type << 1, layer 0, tid 1): VPS 40 01, SPS 42 01, PPS 44 01, IDR_W_RADL 26 01, TRAIL_R 02 01
        byte[] vps = hex("4001aa");
        byte[] sps = hex("4201bb");
        byte[] pps = hex("4401cc");
        r.packet(rtp(1, 0, false, concat(hex("6001"), u16(vps.length), vps, u16(sps.length), sps, u16(pps.length),
                pps)));
        // the IDR in two FUs: payload header type 49 (62 01), FU header S|19 = 0x93, E|19 = 0x53
        r.packet(rtp(2, 0, false, hex("6201" + "93" + "1122")));
        r.packet(rtp(3, 0, true, hex("6201" + "53" + "3344")));
        r.packet(rtp(4, 3600, true, hex("0201" + "55")));

        assertThat(units).hasSize(2);
        assertThat(hex(units.get(0).data())).isEqualTo("00000001" + "4001aa" + "00000001" + "4201bb" + "00000001"
                + "4401cc" + "00000001" + "260111223344");
        assertThat(units.get(0).keyframe()).isTrue();
        assertThat(hex(units.get(1).data())).isEqualTo("00000001" + "020155");
        assertThat(units.get(1).keyframe()).isFalse();
    }

    @Test
    void h265FragmentLostDropsToTheNextKeyframe() {
        RtpVideoReceiver r = receiver(VideoCodec.H265);
        r.packet(rtp(1, 0, true, hex("2601" + "01")));
        r.packet(rtp(2, 3600, false, hex("6201" + "81" + "aa"))); // TRAIL_R (type 1) fragments, end (3) lost
        r.packet(rtp(4, 7200, true, hex("0201" + "02")));
        r.packet(rtp(5, 10800, true, hex("2601" + "03")));

        assertThat(units).extracting(MediaPacket::dts90k).containsExactly(0L, 10800L);
        assertThat(r.lostPackets()).isEqualTo(1);
    }

    static ByteBuf rtp(int sequence, long timestamp, boolean marker, byte[] payload) {
        ByteBuf packet = Unpooled.buffer(12 + payload.length);
        packet.writeByte(0x80);
        packet.writeByte((marker ? 0x80 : 0) | PT);
        packet.writeShort(sequence);
        packet.writeInt((int) timestamp);
        packet.writeInt(0x12345678);
        packet.writeBytes(payload);
        return packet;
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static byte[] u16(int v) {
        return new byte[] {(byte) (v >> 8), (byte) v};
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
