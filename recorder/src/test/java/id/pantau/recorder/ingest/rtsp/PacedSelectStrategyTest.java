package id.pantau.recorder.ingest.rtsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PacedSelectStrategyTest {

    @Test
    void anIdleLoopPausesThenPollsWithoutBlocking() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        PacedSelectStrategy strategy = new PacedSelectStrategy(50);

        long startNanos = System.nanoTime();
        int ready = strategy.calculateStrategy(() -> {
            polls.incrementAndGet();
            return 3;
        }, false);

        assertThat(ready).as("the ready sockets, never SELECT (a blocking select)").isEqualTo(3);
        assertThat(polls).hasValue(1);
        assertThat((System.nanoTime() - startNanos) / 1_000_000).isGreaterThanOrEqualTo(45);
    }

    @Test
    void pendingTasksAreNotHeldBackByThePause() throws Exception {
        PacedSelectStrategy strategy = new PacedSelectStrategy(60_000);

        assertThat(strategy.calculateStrategy(() -> 0, true)).isZero();
        assertThatThrownBy(() -> new PacedSelectStrategy(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
