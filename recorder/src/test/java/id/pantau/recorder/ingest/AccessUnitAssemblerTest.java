package id.pantau.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessUnitAssemblerTest {

    private static MediaPacket packet(long ts, boolean key, int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return new MediaPacket(ts, ts, key, data);
    }

    @Test
    void mergesSlicesWithEqualTimestampsIntoOneAccessUnit() {
        AccessUnitAssembler assembler = new AccessUnitAssembler();
        assertThat(assembler.push(packet(0, true, 1, 2))).isNull();
        assertThat(assembler.push(packet(0, false, 3))).isNull();
        assertThat(assembler.push(packet(0, false, 4))).isNull();
        MediaPacket first = assembler.push(packet(3600, false, 5));
        assertThat(first.dts90k()).isZero();
        assertThat(first.keyframe()).isTrue();
        assertThat(first.data()).containsExactly(1, 2, 3, 4);
        MediaPacket second = assembler.push(packet(7200, false, 6));
        assertThat(second.data()).containsExactly(5);
        assertThat(assembler.drain().data()).containsExactly(6);
        assertThat(assembler.drain()).isNull();
    }

    @Test
    void keepsPacketsWithSameDtsButDifferentPtsApart() {
        AccessUnitAssembler assembler = new AccessUnitAssembler();
        assembler.push(new MediaPacket(0, 0, true, new byte[] {1}));
        MediaPacket out = assembler.push(new MediaPacket(0, 3600, false, new byte[] {2}));
        assertThat(out.data()).containsExactly(1);
    }
}
