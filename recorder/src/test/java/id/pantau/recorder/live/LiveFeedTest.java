package id.pantau.recorder.live;

import static id.pantau.recorder.live.SyntheticFrames.frame;
import static id.pantau.recorder.live.SyntheticFrames.numberOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiveFeedTest {

    final LiveFeed feed = new LiveFeed(FeedKey.main("cam1"), Clock.systemUTC(), LiveFeed.CacheLimits.DEFAULT, null);

    /** What a subscription handed out, frame numbers in order, with the discontinuity marks. */
    record Drained(List<Integer> frames, List<Integer> discontinuities, int formats, List<FeedStatus.State> states) {
    }

    static Drained drain(LiveSubscription s) {
        List<Integer> frames = new ArrayList<>();
        List<Integer> gaps = new ArrayList<>();
        List<FeedStatus.State> states = new ArrayList<>();
        int formats = 0;
        for (LiveEvent e = s.poll(); e != null; e = s.poll()) {
            if (e instanceof LiveEvent.Frame f) {
                frames.add(numberOf(f.accessUnit()));
                if (f.discontinuity()) {
                    gaps.add(numberOf(f.accessUnit()));
                }
            } else if (e instanceof LiveEvent.Format) {
                formats++;
            } else if (e instanceof LiveEvent.Status st) {
                states.add(st.status().state());
            }
        }
        return new Drained(frames, gaps, formats, states);
    }

    static List<Integer> range(int from, int toExclusive) {
        return IntStream.range(from, toExclusive).boxed().toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                     | gop | queue | drain every | frames | first delivered | delivered | skips
        keeps up frame by frame                    | 25  | 25    | 1           | 100    | 0               | 100       | 0
        bursts within the bound lose nothing       | 25  | 25    | 20          | 100    | 0               | 100       | 0
        a stalled viewer resumes at the next GOP   | 25  | 10    | 30          | 30     | 25              | 5         | 1
        slower than a GOP: only the newest frames  | 10  | 5     | 33          | 33     | 30              | 3         | 3
        one frame of queue still shows keyframes   | 5   | 1     | 1           | 20     | 0               | 20        | 0
        """)
    void slowSubscribersSkipAheadToTheNextKeyframe(String name, int gop, int queue, int drainEvery, int frames,
                                                   int firstDelivered, int delivered, int skips) {
        LiveSubscription s = feed.subscribe(queue, null);
        feed.connected(SyntheticFrames.INFO);
        List<Integer> got = new ArrayList<>();
        List<Integer> gaps = new ArrayList<>();
        for (int n = 0; n < frames; n++) {
            feed.accept(frame(n, gop));
            assertThat(s.queuedFrames()).as("queued after frame %d", n).isLessThanOrEqualTo(queue);
            if ((n + 1) % drainEvery == 0) {
                Drained d = drain(s);
                got.addAll(d.frames());
                gaps.addAll(d.discontinuities());
            }
        }
        assertThat(got).isEqualTo(range(firstDelivered, firstDelivered + delivered));
        assertThat(s.skips()).isEqualTo(skips);
        assertThat(s.framesDelivered() + s.framesDropped()).isEqualTo(frames);
        // every run after a gap starts at a keyframe and says so
        assertThat(gaps).allSatisfy(n -> assertThat(n % gop).isZero()).contains(firstDelivered);
    }

    @Test
    void aNewSubscriberStartsAtOnceFromTheLatestKeyframe() {
        feed.connected(SyntheticFrames.INFO);
        for (int n = 0; n < 63; n++) {
            feed.accept(frame(n, 25));
        }
        LiveSubscription late = feed.subscribe(100, null);
        Drained first = drain(late);
        assertThat(first.states()).containsExactly(FeedStatus.State.LIVE);
        assertThat(first.formats()).isEqualTo(1);
        assertThat(first.frames()).isEqualTo(range(50, 63));
        assertThat(first.discontinuities()).containsExactly(50);
        feed.accept(frame(63, 25));
        assertThat(drain(late).frames()).containsExactly(63);
    }

    @Test
    void beforeTheFirstKeyframeNothingUndecodableIsSent() {
        LiveSubscription s = feed.subscribe(100, null);
        feed.connected(SyntheticFrames.INFO);
        for (int n = 7; n < 12; n++) {
            feed.accept(frame(n, 10)); // joined a camera mid-GOP: 7, 8, 9 cannot be decoded
        }
        Drained d = drain(s);
        assertThat(d.states()).containsExactly(FeedStatus.State.CONNECTING, FeedStatus.State.LIVE);
        assertThat(d.frames()).containsExactly(10, 11);
        assertThat(d.formats()).isEqualTo(1);
        assertThat(feed.latestKeyframe()).hasValueSatisfying(k -> assertThat(numberOf(k.accessUnit())).isEqualTo(10));
    }

    @Test
    void aReconnectTellsTheStateAndStartsAgainAtAKeyframe() {
        LiveSubscription s = feed.subscribe(100, null);
        feed.connected(SyntheticFrames.INFO);
        feed.accept(frame(0, 10));
        feed.accept(frame(1, 10));
        feed.disconnected("stalled: no video for 4000 ms", true);
        assertThat(feed.latestKeyframe()).isEmpty();
        LiveSubscription duringOutage = feed.subscribe(100, null);
        assertThat(drain(duringOutage).states()).containsExactly(FeedStatus.State.RECONNECTING);
        assertThat(feed.status().detail()).isEqualTo("stalled: no video for 4000 ms");
        feed.connected(SyntheticFrames.INFO);
        feed.accept(frame(5, 10)); // not a keyframe: dropped
        feed.accept(frame(10, 10));
        Drained d = drain(s);
        assertThat(d.frames()).containsExactly(0, 1, 10);
        assertThat(d.discontinuities()).containsExactly(0, 10);
        assertThat(d.formats()).isEqualTo(2);
        assertThat(d.states()).containsExactly(FeedStatus.State.CONNECTING, FeedStatus.State.LIVE,
                FeedStatus.State.RECONNECTING, FeedStatus.State.LIVE);
    }

    @Test
    void aGopLongerThanTheCacheMakesNewSubscribersWaitForTheNextKeyframe() {
        LiveFeed small = new LiveFeed(FeedKey.sub("cam1"), Clock.systemUTC(), new LiveFeed.CacheLimits(10, 1 << 20),
                null);
        small.connected(SyntheticFrames.INFO);
        for (int n = 0; n < 15; n++) {
            small.accept(frame(n, 30));
        }
        LiveSubscription s = small.subscribe(100, null);
        assertThat(drain(s).frames()).isEmpty();
        for (int n = 15; n < 31; n++) {
            small.accept(frame(n, 30));
        }
        assertThat(drain(s).frames()).containsExactly(30);
    }

    @Test
    void readySignalsOnlyWhenTheQueueStopsBeingEmptyAndClosedSubscriptionsGetNothing() {
        AtomicInteger signals = new AtomicInteger();
        LiveSubscription s = feed.subscribe(100, signals::incrementAndGet);
        assertThat(signals).hasValue(1); // the initial state
        drain(s);
        feed.connected(SyntheticFrames.INFO);
        feed.accept(frame(0, 10));
        feed.accept(frame(1, 10));
        assertThat(signals).hasValue(2);
        drain(s);
        s.close();
        feed.accept(frame(2, 10));
        assertThat(s.poll()).isNull();
        assertThat(feed.subscriberCount()).isZero();
    }

    @Test
    void stalledSubscribersNeverSlowTheProducerOrAFastSubscriber() throws Exception {
        feed.connected(SyntheticFrames.INFO);
        List<LiveSubscription> stalled = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            stalled.add(feed.subscribe(50, null)); // nobody ever polls these
        }
        LiveSubscription fast = feed.subscribe(1_000, null);
        List<Integer> got = new ArrayList<>();
        Thread consumer = new Thread(() -> {
            try {
                for (LiveEvent e = fast.poll(5_000); e != null; e = fast.poll(5_000)) {
                    if (e instanceof LiveEvent.Frame f) {
                        got.add(numberOf(f.accessUnit()));
                        if (got.size() == 2_000) {
                            return;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        consumer.start();
        long start = System.nanoTime();
        for (int n = 0; n < 2_000; n++) {
            feed.accept(frame(n, 50));
            if (n % 10 == 9) {
                Thread.sleep(1); // paced, so the consumer keeps up even when the machine is busy
            }
        }
        long producerMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        consumer.join(10_000);
        // 2,000 frames to 201 queues: well under a millisecond a frame even on a loaded machine (200 sleeps included)
        assertThat(producerMs).isLessThan(3_000);
        assertThat(got).isEqualTo(range(0, 2_000));
        assertThat(fast.skips()).isZero();
        assertThat(stalled).allSatisfy(s -> {
            assertThat(s.queuedFrames()).isLessThanOrEqualTo(50);
            assertThat(s.skips()).isGreaterThanOrEqualTo(39);
        });
    }
}
