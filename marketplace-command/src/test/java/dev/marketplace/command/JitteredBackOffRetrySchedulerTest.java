package dev.marketplace.command;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JitteredBackOffRetrySchedulerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private JitteredBackOffRetryScheduler scheduler(LongUnaryOperator random) {
        return JitteredBackOffRetryScheduler.builder().retryExecutor(executor).maxRetryCount(8)
                .baseInterval(20).maxInterval(640).random(random).build();
    }

    @Test
    void theLowestDrawWaitsHalfTheDoublingCeiling() {
        JitteredBackOffRetryScheduler lowest = scheduler(bound -> 0);
        assertThat(lowest.intervalFor(1)).isEqualTo(10);
        assertThat(lowest.intervalFor(2)).isEqualTo(20);
        assertThat(lowest.intervalFor(3)).isEqualTo(40);
        assertThat(lowest.intervalFor(7)).isEqualTo(320);
        assertThat(lowest.intervalFor(40)).isEqualTo(320);
    }

    @Test
    void theHighestDrawWaitsTheWholeCeilingAndNeverMoreThanTheCap() {
        JitteredBackOffRetryScheduler highest = scheduler(bound -> bound - 1);
        assertThat(highest.intervalFor(1)).isEqualTo(20);
        assertThat(highest.intervalFor(4)).isEqualTo(160);
        assertThat(highest.intervalFor(6)).isEqualTo(640);
        assertThat(highest.intervalFor(1000)).isEqualTo(640);
    }

    @Test
    void realRandomnessSpreadsRetriesOverTheWholeWindow() {
        JitteredBackOffRetryScheduler real = JitteredBackOffRetryScheduler.builder().retryExecutor(executor).build();
        Set<Long> seen = new TreeSet<>();
        for (int i = 0; i < 2000; i++) {
            long wait = real.intervalFor(3);
            assertThat(wait).isBetween(40L, 80L);
            seen.add(wait);
        }
        assertThat(seen.size()).isGreaterThan(20);
    }

    @Test
    void refusesACapBelowTheBase() {
        assertThatThrownBy(() -> JitteredBackOffRetryScheduler.builder().retryExecutor(executor)
                .baseInterval(100).maxInterval(50).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cap (50 ms)");
    }
}
