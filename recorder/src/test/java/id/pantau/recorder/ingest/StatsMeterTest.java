package id.pantau.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatsMeterTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        long millis;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    @Test
    void measuresRatesGopAndAge() {
        ManualClock clock = new ManualClock();
        StatsMeter meter = new StatsMeter(clock);
        assertThat(meter.snapshot().lastPacketAgeMs()).isEqualTo(-1);
        for (int i = 0; i < 200; i++) {
            clock.millis = i * 40L;
            meter.packet();
            meter.frame(10_000, i % 50 == 0, i * 3600L);
        }
        meter.recorded(123);
        meter.segmentClosed();
        meter.reconnected();
        clock.millis += 500;
        StreamStats s = meter.snapshot();
        assertThat(s.gopFrames()).isEqualTo(50);
        assertThat(s.lastPacketAgeMs()).isEqualTo(500);
        // the frames read in the last 5 s, over their media time: the stream's own rate
        assertThat(s.fps()).isEqualTo(25.0);
        assertThat(s.bitrateBps()).isEqualTo(2_000_000L);
        assertThat(s.bytesRecorded()).isEqualTo(123);
        assertThat(s.segmentsClosed()).isEqualTo(1);
        assertThat(s.reconnects()).isEqualTo(1);

        clock.millis += 5_000;
        assertThat(meter.snapshot().fps()).as("nothing read for 5 s").isZero();
        assertThat(meter.snapshot().bitrateBps()).isZero();
    }

    @Test
    void framesReadInBatchesShowTheRateTheCameraSent() {
        ManualClock clock = new ManualClock();
        StatsMeter meter = new StatsMeter(clock);
        int frame = 0;
        // a coalescing reader takes a second of 25 fps at once, then the next after 1.2 s, then after 0.8 s ...
        long[] readAtMs = {1_000, 2_200, 3_000, 4_100, 5_000, 6_000, 7_300};
        for (long at : readAtMs) {
            clock.millis = at;
            for (int i = 0; i < 25; i++, frame++) {
                meter.frame(10_000, frame % 50 == 0, frame * 3600L);
            }
            StreamStats s = meter.snapshot();
            assertThat(s.fps()).as("at %d ms", at).isEqualTo(25.0);
            assertThat(s.bitrateBps()).as("at %d ms", at).isEqualTo(2_000_000L);
        }
    }

    @Test
    void aTimestampJumpStartsTheWindowAfresh() {
        ManualClock clock = new ManualClock();
        StatsMeter meter = new StatsMeter(clock);
        // each row: media time of the next frame -> frames in the window after it (fps needs two)
        long[][] table = {
            {0, 1}, {3600, 2}, {7200, 3},
            {7200 - 90_000, 1},          // backwards: a new timeline
            {7200 - 90_000 + 3600, 2},
            {10 * 90_000, 1},            // 10 s forwards: a new timeline too
            {10 * 90_000 + 7200, 2},     // a skipped frame stays in the window, at half the rate
        };
        for (long[] row : table) {
            clock.millis += 40;
            meter.frame(1_000, false, row[0]);
            double fps = meter.snapshot().fps();
            if (row[1] < 2) {
                assertThat(fps).as("after %d", row[0]).isZero();
            } else {
                assertThat(fps).as("after %d", row[0]).isGreaterThan(0);
            }
        }
        assertThat(meter.snapshot().fps()).isEqualTo(12.5);
    }
}
