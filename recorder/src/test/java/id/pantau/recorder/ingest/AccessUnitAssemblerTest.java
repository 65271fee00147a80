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
    void mergedAccessUnitKeepsWhereItsNalUnitsBegin() {
        AccessUnitAssembler assembler = new AccessUnitAssembler();
        byte[] sps = {0, 0, 0, 1, 0x67, 0x42, 0, 0, 0, 1, 0x68};
        byte[] idr = {0, 0, 0, 1, 0x65, 0x11};
        assembler.push(new MediaPacket(0, 0, true, sps, new int[] {0, 6}));
        assembler.push(new MediaPacket(0, 0, true, idr, new int[] {0}));
        MediaPacket merged = assembler.push(new MediaPacket(3600, 3600, false, idr, new int[] {0}));
        assertThat(merged.nalStarts()).containsExactly(0, 6, 11);

        // one part whose layout is unknown makes the whole unknown
        assembler.push(new MediaPacket(3600, 3600, false, idr));
        assertThat(assembler.push(new MediaPacket(7200, 7200, false, idr)).nalStarts()).isNull();
    }

    @Test
    void keepsPacketsWithSameDtsButDifferentPtsApart() {
        AccessUnitAssembler assembler = new AccessUnitAssembler();
        assembler.push(new MediaPacket(0, 0, true, new byte[] {1}));
        MediaPacket out = assembler.push(new MediaPacket(0, 3600, false, new byte[] {2}));
        assertThat(out.data()).containsExactly(1);
    }
}
