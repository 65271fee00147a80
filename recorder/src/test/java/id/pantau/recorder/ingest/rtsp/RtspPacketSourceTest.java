package id.pantau.recorder.ingest.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.segment.VideoCodec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RtspPacketSourceTest {

    private static final byte[] PARAMETER_SETS = HexFormat.of().parseHex(
            "0000000167640028acd940780227e5c044000003000400000300ca3c60c658" + "0000000168ebe3cb22c0");

    @Test
    void queuedBytesAreBoundedButAnEmptyQueueTakesAnyUnit() throws Exception {
        RtspPacketSource source = new RtspPacketSource(1_000);
        source.playing(new SdpVideoTrack(VideoCodec.H264, 96, "track1", null, PARAMETER_SETS, 25));
        byte[] quarter = new byte[(int) (RtspPacketSource.QUEUE_BYTES / 4)];

        assertThat(source.accessUnit(unit(0, new byte[(int) RtspPacketSource.QUEUE_BYTES + 1]))).isTrue();
        assertThat(source.accessUnit(unit(3600, quarter))).as("over the byte budget").isFalse();
        assertThat(source.newestArrivedDts90k()).isZero();
        source.read();
        for (int i = 1; i <= 4; i++) {
            assertThat(source.accessUnit(unit(i * 3600L, quarter))).isTrue();
        }
        assertThat(source.accessUnit(unit(5 * 3600L, quarter))).isFalse();
        assertThat(source.newestArrivedDts90k()).isEqualTo(4 * 3600L);
        assertThat(source.read().dts90k()).isEqualTo(3600);
        assertThat(source.accessUnit(unit(6 * 3600L, quarter))).as("room again after a read").isTrue();
    }

    private static MediaPacket unit(long dts90k, byte[] data) {
        return new MediaPacket(dts90k, dts90k, dts90k == 0, data);
    }
}
