package id.pantau.recorder.ingest.rtsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.pantau.recorder.ingest.IngestFailure;
import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.ingest.PacketSource;
import id.pantau.recorder.segment.VideoCodec;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class RtspPacketSourceTest {

    private static final byte[] PARAMETER_SETS = HexFormat.of().parseHex(
            "0000000167640028acd940780227e5c044000003000400000300ca3c60c658" + "0000000168ebe3cb22c0");

    @Test
    void aReaderFallingBehindPausesTheConnectionInsteadOfDroppingAndResumesItWhenDrained() throws Exception {
        RtspPacketSource source = playingSource(1_000);
        EmbeddedChannel connection = new EmbeddedChannel();
        source.attach(connection, null);
        byte[] quarter = new byte[(int) (RtspPacketSource.QUEUE_BYTES / 4)];

        for (int i = 0; i < 4; i++) {
            assertThat(source.accessUnit(unit(i * 3600L, quarter))).isTrue();
        }
        assertThat(connection.config().isAutoRead()).as("still reading at the bound").isTrue();
        assertThat(source.accessUnit(unit(4 * 3600L, quarter))).as("over the bound: queued, not dropped").isTrue();
        assertThat(connection.config().isAutoRead()).as("reading paused").isFalse();
        assertThat(source.readPauses()).isOne();

        for (long dts90k = 0; dts90k <= 2 * 3600L; dts90k += 3600) {
            assertThat(source.read().dts90k()).isEqualTo(dts90k);
        }
        assertThat(connection.config().isAutoRead()).as("half drained: reading again").isTrue();
        assertThat(source.read().dts90k()).isEqualTo(3 * 3600L);
        assertThat(source.read().dts90k()).isEqualTo(4 * 3600L);
        connection.finishAndReleaseAll();
    }

    @Test
    void unitsBeyondTheHardBoundAreDroppedButAnEmptyQueueTakesAnyUnit() throws Exception {
        RtspPacketSource source = playingSource(1_000);
        byte[] half = new byte[(int) (RtspPacketSource.QUEUE_BYTES / 2)];

        assertThat(source.accessUnit(unit(0, new byte[(int) RtspPacketSource.HARD_QUEUE_BYTES + 1]))).isTrue();
        assertThat(source.accessUnit(unit(3600, half))).as("over the hard bound").isFalse();
        assertThat(source.newestArrivedDts90k()).isZero();
        source.read();
        for (int i = 1; i <= 4; i++) {
            assertThat(source.accessUnit(unit(i * 3600L, half))).isTrue();
        }
        assertThat(source.accessUnit(unit(5 * 3600L, half))).isFalse();
        assertThat(source.newestArrivedDts90k()).isEqualTo(4 * 3600L);
        assertThat(source.read().dts90k()).isEqualTo(3600);
        assertThat(source.accessUnit(unit(6 * 3600L, half))).as("room again after a read").isTrue();
    }

    @Test
    void aCoalescingReaderSleepsThroughArrivalsAndThenTakesThemInOrder() throws Exception {
        RtspPacketSource source = playingSource(5_000);
        source.coalesceReads(() -> true, () -> 0);
        CompletableFuture<long[]> read = CompletableFuture.supplyAsync(() -> {
            long startNanos = System.nanoTime();
            try {
                long first = source.read().dts90k();
                long waitedMs = (System.nanoTime() - startNanos) / 1_000_000;
                return new long[] {first, source.read().dts90k(), source.read().dts90k(), waitedMs};
            } catch (IngestFailure e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(20);
        for (int i = 0; i < 3; i++) {
            assertThat(source.accessUnit(unit(i * 3600L, new byte[100]))).isTrue();
        }

        long[] result = read.get(5, TimeUnit.SECONDS);
        assertThat(result).startsWith(0L, 3600L, 7200L);
        assertThat(result[3]).as("the first arrival did not wake the reader")
                .isGreaterThanOrEqualTo(RtspPacketSource.COALESCE_MS - 30);
    }

    @Test
    void aCoalescingReaderWaitsAsLongAsItsOpenFragmentAllowsButNoLongerThanAFragment() throws Exception {
        RtspPacketSource source = playingSource(5_000);
        source.coalesceReads(() -> true, () -> 600);
        source.accessUnit(unit(0, new byte[100]));
        assertThat(source.read().dts90k()).as("a queued unit is taken at once").isZero();
        CompletableFuture<Long> waited = timedRead(source);
        Thread.sleep(100);
        source.accessUnit(unit(3600, new byte[100]));
        assertThat(waited.get(5, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(600 - 30);

        source.coalesceReads(() -> true, () -> 60_000);
        waited = timedRead(source);
        Thread.sleep(100);
        source.accessUnit(unit(7200, new byte[100]));
        assertThat(waited.get(5, TimeUnit.SECONDS)).as("at most a fragment's length")
                .isBetween(PacketSource.COALESCE_MAX_MS - 30, PacketSource.COALESCE_MAX_MS + 1_500);
    }

    @Test
    void muchQueuedOrAFailureWakesACoalescingReaderEarly() throws Exception {
        RtspPacketSource source = playingSource(30_000);
        source.coalesceReads(() -> true, () -> 60_000);
        CompletableFuture<Long> waited = timedRead(source);
        Thread.sleep(50);
        source.accessUnit(unit(0, new byte[(int) RtspPacketSource.WAKE_BYTES]));
        assertThat(waited.get(5, TimeUnit.SECONDS)).as("woken by the queue, not by the clock")
                .isLessThan(PacketSource.COALESCE_MAX_MS - 100);

        CompletableFuture<Long> failed = timed(() ->
                assertThat(catchThrowableOfType(IngestFailure.class, source::read)).hasMessage("camera went away"));
        Thread.sleep(50);
        source.failed(new IngestFailure(IngestFailure.Kind.ENDED, "camera went away"));
        assertThat(failed.get(5, TimeUnit.SECONDS)).as("woken by the failure").isLessThan(PacketSource.COALESCE_MAX_MS - 100);
    }

    @Test
    void aViewerArrivingHandsOverAtOnce() throws Exception {
        RtspPacketSource source = playingSource(30_000);
        AtomicBoolean unwatched = new AtomicBoolean(true);
        source.coalesceReads(unwatched::get, () -> 60_000);
        CompletableFuture<Long> waited = timedRead(source);
        Thread.sleep(100);
        source.accessUnit(unit(0, new byte[100]));
        unwatched.set(false);
        source.handOverNow();
        assertThat(waited.get(5, TimeUnit.SECONDS)).as("not at the next take, a second later")
                .isLessThan(PacketSource.COALESCE_MAX_MS - 100);
    }

    @Test
    void aStallCountsFromTheNewestArrivalNotFromWhenTheReaderWoke() throws Exception {
        RtspPacketSource source = playingSource(1_000);
        source.coalesceReads(() -> true, () -> 60_000);
        source.accessUnit(unit(0, new byte[100]));
        Thread.sleep(600); // a reader that slept through arrivals, as a coalescing one does
        assertThat(source.read().dts90k()).isZero();
        long startNanos = System.nanoTime();
        IngestFailure stall = catchThrowableOfType(IngestFailure.class, source::read);
        long waitedMs = (System.nanoTime() - startNanos) / 1_000_000;
        assertThat(stall.kind()).isEqualTo(IngestFailure.Kind.STALLED);
        assertThat(waitedMs).as("the rest of the stall time, not all of it").isLessThan(900);
    }

    @Test
    void pollTakesWhatHasArrivedWithoutWaitingAndStopsAtTheEnd() throws Exception {
        RtspPacketSource source = playingSource(5_000);
        source.coalesceReads(() -> true, () -> 60_000);
        assertThat(source.poll()).as("nothing arrived").isNull();
        source.accessUnit(unit(0, new byte[100]));
        source.accessUnit(unit(3600, new byte[100]));
        source.failed(new IngestFailure(IngestFailure.Kind.ENDED, "stopped"));

        assertThat(source.poll().dts90k()).isZero();
        assertThat(source.poll().dts90k()).isEqualTo(3600);
        assertThat(source.poll()).as("the end is not a unit").isNull();
        assertThat(source.poll()).isNull();
        assertThat(catchThrowableOfType(IngestFailure.class, source::read)).hasMessage("stopped");
    }

    /** Reads one unit on another thread; completes with how long the read took, in ms. */
    private static CompletableFuture<Long> timedRead(RtspPacketSource source) {
        return timed(source::read);
    }

    /** Runs {@code action} on another thread; completes with how long it took, in ms. */
    private static CompletableFuture<Long> timed(ThrowingCallable action) {
        return CompletableFuture.supplyAsync(() -> {
            long startNanos = System.nanoTime();
            try {
                action.call();
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            return (System.nanoTime() - startNanos) / 1_000_000;
        });
    }

    @Test
    void aCoalescingReaderStillReportsStallsAndFailures() throws Exception {
        RtspPacketSource stalled = playingSource(300);
        stalled.coalesceReads(() -> true, () -> 0);
        long startNanos = System.nanoTime();
        IngestFailure stall = catchThrowableOfType(IngestFailure.class, stalled::read);
        assertThat(stall.kind()).isEqualTo(IngestFailure.Kind.STALLED);
        assertThat((System.nanoTime() - startNanos) / 1_000_000).isGreaterThanOrEqualTo(290);

        RtspPacketSource failing = playingSource(5_000);
        failing.coalesceReads(() -> true, () -> 0);
        failing.accessUnit(unit(0, new byte[10]));
        failing.failed(new IngestFailure(IngestFailure.Kind.ENDED, "camera closed the session"));
        assertThat(failing.read().dts90k()).as("units before the failure are still delivered").isZero();
        assertThat(catchThrowableOfType(IngestFailure.class, failing::read)).hasMessage("camera closed the session");
    }

    private static RtspPacketSource playingSource(long stallMs) {
        RtspPacketSource source = new RtspPacketSource(stallMs);
        source.playing(new SdpVideoTrack(VideoCodec.H264, 96, "track1", null, PARAMETER_SETS, 25));
        return source;
    }

    private static MediaPacket unit(long dts90k, byte[] data) {
        return new MediaPacket(dts90k, dts90k, dts90k == 0, data);
    }
}
