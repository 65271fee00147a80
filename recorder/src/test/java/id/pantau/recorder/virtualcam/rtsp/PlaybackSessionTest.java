package id.pantau.recorder.virtualcam.rtsp;

import id.pantau.recorder.virtualcam.media.AccessUnit;
import id.pantau.recorder.virtualcam.media.Clip;
import id.pantau.recorder.virtualcam.media.NalUnit;
import id.pantau.recorder.virtualcam.media.VideoCodec;
import id.pantau.recorder.virtualcam.media.VideoCodec.ParameterSetKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlaybackSessionTest {

    private static final long FRAME_NANOS = 40_000_000L;
    private static final long INITIAL_TS = 0xFFFF_F000L; // wraps past 2^32 after two frames

    /** Frames 0..5 of a looped 6-frame clip with keyframes at 0 and 3; each frame's NAL carries its index. */
    private final Clip clip = sixFrameClip();
    private final Mount mount = new Mount("cam1/main", clip, null);
    private final RecordingSink sink = new RecordingSink();
    private final PlaybackSession session = new PlaybackSession("S1", mount, null, sink, INITIAL_TS);

    @Test
    void sendsFramesWhenDueAndLoopsWithContinuousTimestamps() {
        session.play(0);
        session.tick(0);
        session.tick(FRAME_NANOS - 1);
        assertThat(sink.frames).containsExactly(0);

        session.tick(9 * FRAME_NANOS);

        assertThat(sink.frames).containsExactly(0, 1, 2, 3, 4, 5, 0, 1, 2, 3);
        for (int slot = 0; slot < sink.timestamps.size(); slot++) {
            assertThat(sink.timestamps.get(slot)).isEqualTo((INITIAL_TS + slot * 3600L) & 0xFFFF_FFFFL);
        }
        assertThat(sink.flushes).isEqualTo(2); // one flush per tick that sent something
    }

    @Test
    void unwritableClientLosesFramesUntilTheNextKeyframe() {
        session.play(0);
        session.tick(0);
        sink.writable = false;
        session.tick(FRAME_NANOS);     // frame 1 dropped
        sink.writable = true;
        session.tick(5 * FRAME_NANOS); // 2 skipped (no keyframe yet), 3 is a keyframe, then 4, 5

        assertThat(sink.frames).containsExactly(0, 3, 4, 5);
        assertThat(session.framesDropped()).isEqualTo(2);
        assertThat(sink.timestamps.get(1)).isEqualTo((INITIAL_TS + 3 * 3600L) & 0xFFFF_FFFFL);
    }

    @Test
    void pausedMountSendsNothingAndResumesAtAKeyframe() {
        session.play(0);
        session.tick(0);
        mount.pause();
        session.tick(4 * FRAME_NANOS);
        assertThat(sink.frames).containsExactly(0);

        mount.resume();
        session.tick(7 * FRAME_NANOS); // slot 5 is frame 5 (not key), slot 6 is frame 0 (key), slot 7 frame 1

        assertThat(sink.frames).containsExactly(0, 0, 1);
        assertThat(sink.timestamps.get(1)).as("time that passed shows in the timestamps")
                .isEqualTo((INITIAL_TS + 6 * 3600L) & 0xFFFF_FFFFL);
    }

    @Test
    void timestampJumpAppliesToTheNextPackets() {
        session.play(0);
        session.tick(FRAME_NANOS);
        mount.jumpTimestamps(90_000L * 3600);
        session.tick(2 * FRAME_NANOS);

        assertThat(sink.timestamps).containsExactly(INITIAL_TS, (INITIAL_TS + 3600) & 0xFFFF_FFFFL,
                (INITIAL_TS + 7200 + 90_000L * 3600) & 0xFFFF_FFFFL);
    }

    @Test
    void longStallDropsTheBacklogInsteadOfBursting() {
        session.play(0);
        session.tick(0);
        long stalledSlots = PlaybackSession.MAX_LAG_FRAMES + 30;
        session.tick(stalledSlots * FRAME_NANOS);

        assertThat(sink.frames.size()).isLessThanOrEqualTo(PlaybackSession.MAX_LAG_FRAMES + 2);
        assertThat(session.framesSent() + session.framesDropped()).isEqualTo(stalledSlots + 1);
        assertThat(sink.frames.get(1)).as("resumes at a keyframe").isIn(0, 3);
    }

    private static Clip sixFrameClip() {
        List<AccessUnit> frames = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            boolean key = i % 3 == 0;
            frames.add(new AccessUnit(List.of(NalUnit.of(new byte[] {(byte) (key ? 0x65 : 0x41), (byte) i})), key));
        }
        return new Clip(VideoCodec.H264, frames, Map.of(ParameterSetKind.SPS, NalUnit.of(new byte[] {0x67, 0x42}),
                ParameterSetKind.PPS, NalUnit.of(new byte[] {0x68, 0x01})), 25);
    }

    /** Records frame indexes and RTP timestamps instead of packets. */
    private static final class RecordingSink implements RtpSink {
        final List<Integer> frames = new ArrayList<>();
        final List<Long> timestamps = new ArrayList<>();
        boolean writable = true;
        int flushes;

        @Override
        public boolean isWritable() {
            return writable;
        }

        @Override
        public void send(AccessUnit frame, long timestamp90k) {
            frames.add((int) frame.nalUnits().get(0).byteAt(1));
            timestamps.add(timestamp90k);
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public int nextSequence() {
            return 0;
        }

        @Override
        public int ssrc() {
            return 0;
        }
    }
}
