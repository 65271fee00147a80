package id.pantau.recorder.virtualcam.rtp;

import id.pantau.recorder.virtualcam.media.AccessUnit;
import id.pantau.recorder.virtualcam.media.NalUnit;
import id.pantau.recorder.virtualcam.media.VideoCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NalPacketizerTest {

    private static final int MAX_PAYLOAD = 100;

    /** One payload as the sink saw it, copied because the packetizer reuses its header array. */
    record Payload(byte[] bytes, boolean marker) {
    }

    @ParameterizedTest(name = "H.264 NAL of {0} bytes -> {1} packets")
    @CsvSource({
            "2, 1",     // tiny NAL: single NAL unit packet
            "100, 1",   // exactly the budget: still single
            "101, 2",   // one byte over: FU-A, 98 + 2 payload bytes
            "197, 2",   // 196 bytes after the header fit two 98-byte fragments exactly
            "198, 3",   // one more byte needs a third fragment
            "1000, 11"})
    void h264FragmentsOnlyWhatDoesNotFit(int nalBytes, int expectedPackets) {
        byte[] nal = nal(0x65, nalBytes); // IDR, NRI 3
        List<Payload> payloads = packetize(VideoCodec.H264, List.of(nal));

        assertThat(payloads).hasSize(expectedPackets);
        assertThat(payloads).allSatisfy(p -> assertThat(p.bytes().length).isLessThanOrEqualTo(MAX_PAYLOAD));
        assertThat(payloads).extracting(Payload::marker).containsOnlyOnce(true).last().isEqualTo(true);
        if (expectedPackets == 1) {
            assertThat(payloads.get(0).bytes()).isEqualTo(nal);
            return;
        }
        for (int i = 0; i < payloads.size(); i++) {
            byte[] p = payloads.get(i).bytes();
            assertThat(p[0] & 0xFF).as("FU indicator keeps F and NRI, type 28").isEqualTo(0x60 | 28);
            assertThat(p[1] & 0x80).as("start bit of fragment %d", i).isEqualTo(i == 0 ? 0x80 : 0);
            assertThat(p[1] & 0x40).as("end bit of fragment %d", i).isEqualTo(i == payloads.size() - 1 ? 0x40 : 0);
            assertThat(p[1] & 0x20).as("reserved bit").isZero();
            assertThat(p[1] & 0x1F).as("original NAL type").isEqualTo(5);
        }
        assertThat(reassemble(payloads, 2, new byte[] {nal[0]})).isEqualTo(nal);
    }

    @ParameterizedTest(name = "H.265 NAL of {0} bytes -> {1} packets")
    @CsvSource({
            "3, 1",
            "100, 1",
            "101, 2",   // 99 bytes after the 2-byte header: 97 + 2
            "196, 2",   // 194 bytes fit two 97-byte fragments exactly
            "197, 3"})
    void h265FragmentationUnitHeaderLayout(int nalBytes, int expectedPackets) {
        byte[] nal = nal(0x26, nalBytes); // IDR_W_RADL (19 << 1)
        nal[1] = 0x01;                    // LayerId 0, TID 1
        List<Payload> payloads = packetize(VideoCodec.H265, List.of(nal));

        assertThat(payloads).hasSize(expectedPackets);
        assertThat(payloads).allSatisfy(p -> assertThat(p.bytes().length).isLessThanOrEqualTo(MAX_PAYLOAD));
        if (expectedPackets == 1) {
            assertThat(payloads.get(0).bytes()).isEqualTo(nal);
            return;
        }
        for (int i = 0; i < payloads.size(); i++) {
            byte[] p = payloads.get(i).bytes();
            assertThat((p[0] >> 1) & 0x3F).as("payload header type FU").isEqualTo(49);
            assertThat(p[0] & 0x81).as("F and LayerId high bit unchanged").isZero();
            assertThat(p[1]).as("LayerId low bits and TID unchanged").isEqualTo((byte) 0x01);
            assertThat(p[2] & 0x80).as("start bit").isEqualTo(i == 0 ? 0x80 : 0);
            assertThat(p[2] & 0x40).as("end bit").isEqualTo(i == payloads.size() - 1 ? 0x40 : 0);
            assertThat(p[2] & 0x3F).as("original NAL type").isEqualTo(19);
        }
        assertThat(reassemble(payloads, 3, new byte[] {nal[0], nal[1]})).isEqualTo(nal);
    }

    @Test
    void markerOnlyOnTheLastPacketOfTheAccessUnit() {
        List<byte[]> nals = List.of(nal(0x67, 10), nal(0x68, 4), nal(0x65, 250));

        List<Payload> payloads = packetize(VideoCodec.H264, nals);

        assertThat(payloads).hasSize(1 + 1 + 3);
        assertThat(payloads).extracting(Payload::marker).containsExactly(false, false, false, false, true);
    }

    private static List<Payload> packetize(VideoCodec codec, List<byte[]> nals) {
        List<NalUnit> units = nals.stream().map(NalUnit::of).toList();
        List<Payload> payloads = new ArrayList<>();
        NalPacketizer.forCodec(codec, MAX_PAYLOAD).packetize(new AccessUnit(units, true),
                (header, headerLength, data, offset, length, marker) -> {
                    byte[] bytes = Arrays.copyOf(header, headerLength + length);
                    System.arraycopy(data, offset, bytes, headerLength, length);
                    payloads.add(new Payload(bytes, marker));
                });
        return payloads;
    }

    private static byte[] reassemble(List<Payload> fragments, int fragmentHeaderBytes, byte[] nalHeader) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(nalHeader);
        for (Payload fragment : fragments) {
            out.write(fragment.bytes(), fragmentHeaderBytes, fragment.bytes().length - fragmentHeaderBytes);
        }
        return out.toByteArray();
    }

    private static byte[] nal(int header, int length) {
        byte[] nal = new byte[length];
        nal[0] = (byte) header;
        for (int i = 1; i < length; i++) {
            nal[i] = (byte) (i * 7 + 3);
        }
        return nal;
    }
}
