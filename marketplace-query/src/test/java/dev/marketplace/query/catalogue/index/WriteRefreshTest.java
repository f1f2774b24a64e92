package dev.marketplace.query.catalogue.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When the refreshes asked for by writes start, on a clock the test moves. */
class WriteRefreshTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final AtomicInteger refreshes = new AtomicInteger();

    @Test
    void theFirstWriteRefreshesAtOnce() {
        try (WriteRefresh refresh = new WriteRefresh(refreshes::incrementAndGet, Duration.ofHours(1), now::get)) {
            refresh.written();
            await().atMost(Duration.ofSeconds(5)).until(() -> refreshes.get() == 1);
        }
    }

    @Test
    void writesWithinTheGapShareOneRefreshThatStartsWhenTheGapHasPassed() {
        Duration gap = Duration.ofMillis(300);
        List<Long> starts = new CopyOnWriteArrayList<>();
        try (WriteRefresh refresh = new WriteRefresh(() -> starts.add(System.nanoTime()), gap, System::nanoTime)) {
            refresh.written();
            await().atMost(Duration.ofSeconds(5)).until(() -> starts.size() == 1);
            for (int i = 0; i < 1_000; i++) {
                refresh.written();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> starts.size() == 2);
            assertThat(Duration.ofNanos(starts.get(1) - starts.get(0))).as("the second refresh waited for the gap")
                    .isGreaterThanOrEqualTo(gap.minusMillis(20));
            assertThat(starts).as("a thousand writes in one gap, one refresh").hasSize(2);
        }
    }

    @Test
    void aFailedRefreshLeavesTheNextWriteItsOwn() {
        AtomicInteger attempts = new AtomicInteger();
        try (WriteRefresh refresh = new WriteRefresh(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("Elasticsearch unreachable");
            }
        }, Duration.ofMillis(1), System::nanoTime)) {
            refresh.written();
            await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 1);
            refresh.written();
            await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 2);
        }
    }

    @Test
    void aZeroGapLeavesItToThePeriodicRefresh() {
        try (WriteRefresh refresh = new WriteRefresh(refreshes::incrementAndGet, Duration.ZERO, now::get)) {
            refresh.written();
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> refreshes.get() == 0);
        }
    }

    @Test
    void aNegativeGapIsRefusedByName() {
        assertThatThrownBy(() -> new WriteRefresh(refreshes::incrementAndGet, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("marketplace.catalogue.write-refresh-gap");
    }

    /** A replay's writes are refreshed at most every five seconds, or as seldom as live writes when that is rarer. */
    @Test
    void aReplayIsRefreshedAtLeastFiveSecondsApartAndNeverWhenWriteRefreshesAreOff() {
        assertThat(CatalogueIndex.replayGap(Duration.ofMillis(250))).isEqualTo(Duration.ofSeconds(5));
        assertThat(CatalogueIndex.replayGap(Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(9));
        assertThat(CatalogueIndex.replayGap(Duration.ZERO)).isEqualTo(Duration.ZERO);
    }
}
