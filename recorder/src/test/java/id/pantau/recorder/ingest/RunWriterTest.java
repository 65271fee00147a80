package id.pantau.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.segment.ClosedSegment;
import id.pantau.recorder.segment.RunInfo;
import id.pantau.recorder.segment.RunStartReason;
import id.pantau.recorder.segment.SegmentSink;
import id.pantau.recorder.segment.SpoolFiles;
import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.segment.VideoFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunWriterTest {

    private static final byte[] PARAMETER_SETS = HexFormat.of().parseHex(
            "0000000167640028acd940780227e5c044000003000400000300ca3c60c658" + "0000000168ebe3cb22c0");

    @TempDir
    Path spool;

    @Test
    void theOpenFragmentSaysHowLongTheNextFramesMayWait() throws Exception {
        List<ClosedSegment> closed = new ArrayList<>();
        RunWriter writer = writer(closed);
        assertThat(writer.fragmentFullInMs()).as("nothing written yet").isEqualTo(1_000);

        // frames accepted at 25 fps (3600 ticks) -> ms until the open fragment (1 s at most) is full; the newest
        // frame is held back until the next one gives its duration, and counts with the previous duration
        long[][] table = {
            {1, 960},   // the keyframe, held
            {2, 920},   // the keyframe written, the second frame held
            {25, 0},    // 24 frames written and one held: a whole second
            {26, 0},    // 25 written: the fragment is full but only flushed before the next frame
            {27, 920},  // flushed; one frame in the new fragment, one held
        };
        int accepted = 0;
        for (long[] row : table) {
            while (accepted < row[0]) {
                writer.accept(frame(accepted++));
            }
            assertThat(writer.fragmentFullInMs()).as("after %d frames", accepted).isEqualTo(row[1]);
        }
        writer.finish();
        assertThat(closed).singleElement().satisfies(s -> assertThat(s.fragments()).hasSize(2));
    }

    private RunWriter writer(List<ClosedSegment> closed) {
        CameraConfig config = CameraConfig.builder("cam1", "main", "rtsp://127.0.0.1/cam1", spool).build();
        RunInfo run = new RunInfo(UUID.randomUUID(), "cam1", "main", 0, VideoCodec.H264, 1920, 1080,
                RunStartReason.FIRST);
        SegmentSink sink = new SegmentSink() {
            @Override
            public void runStarted(RunInfo r) {
            }

            @Override
            public void segmentClosed(ClosedSegment segment) {
                closed.add(segment);
            }
        };
        return new RunWriter(run, new VideoFormat(VideoCodec.H264, 1920, 1080, PARAMETER_SETS), 0, 25, config,
                SpoolFiles.nio(), sink, new StatsMeter(Clock.systemUTC()));
    }

    private static MediaPacket frame(int i) {
        boolean keyframe = i == 0;
        byte[] data = {0, 0, 0, 1, (byte) (keyframe ? 0x65 : 0x41), (byte) 0x88, 0x40, 0x21};
        return new MediaPacket(i * 3600L, i * 3600L, keyframe, data);
    }
}
