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
            meter.frame(10_000, i % 50 == 0);
        }
        meter.recorded(123);
        meter.segmentClosed();
        meter.reconnected();
        clock.millis += 500;
        StreamStats s = meter.snapshot();
        assertThat(s.gopFrames()).isEqualTo(50);
        assertThat(s.lastPacketAgeMs()).isEqualTo(500);
        // the window has 5 s of history, the last 0.5 s of it silent
        assertThat(s.fps()).isBetween(22.0, 23.5);
        assertThat(s.bitrateBps()).isBetween(1_750_000L, 1_900_000L);
        assertThat(s.bytesRecorded()).isEqualTo(123);
        assertThat(s.segmentsClosed()).isEqualTo(1);
        assertThat(s.reconnects()).isEqualTo(1);
    }
}
