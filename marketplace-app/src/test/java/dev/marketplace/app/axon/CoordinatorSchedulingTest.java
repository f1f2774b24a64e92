package dev.marketplace.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.app.axon.CoordinatorScheduling.CoordinatorExecutor;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every pooled processor's coordinator runs on an executor that turns Axon's 100 ms wait for full work-package
 * buffers into a short one, and keeps every longer delay the coordinator asks for.
 */
@MarketplaceIntegrationTest
class CoordinatorSchedulingTest extends MarketplaceClientTest {

    @Autowired
    CoordinatorScheduling scheduling;

    @ParameterizedTest
    @CsvSource({"100, 5", "50, 5", "3, 3", "0, 0", "101, 101", "500, 500", "2000, 2000", "60000, 60000"})
    void onlyTheFullBuffersDelayIsShortened(long askedMs, long waitedMs) {
        assertThat(CoordinatorExecutor.delayNanos(TimeUnit.MILLISECONDS.toNanos(askedMs)))
                .isEqualTo(TimeUnit.MILLISECONDS.toNanos(waitedMs));
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalogue", "catalogue-rebuild", "audit", "statistics", "webhooks", "abuse-reports"})
    void everyPooledProcessorsCoordinatorRunsOnTheShorteningExecutor(String processor) throws Exception {
        CoordinatorExecutor executor = scheduling.executorOf(processor);
        assertThat(executor).as("coordinator executor of " + processor).isNotNull();
        ScheduledFuture<?> fullBuffers = executor.schedule(() -> { }, 100, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> claimInterval = executor.schedule(() -> { }, 2, TimeUnit.SECONDS);
        try {
            assertThat(fullBuffers.getDelay(TimeUnit.MILLISECONDS))
                    .isLessThanOrEqualTo(CoordinatorScheduling.FULL_BUFFERS_LOOK.toMillis());
            assertThat(claimInterval.getDelay(TimeUnit.MILLISECONDS)).isGreaterThan(1_000);
            fullBuffers.get(5, TimeUnit.SECONDS);
        } finally {
            claimInterval.cancel(false);
        }
    }

    @Test
    void theCoordinatorThreadKeepsAxonsName() throws Exception {
        String name = scheduling.executorOf("catalogue").submit(() -> Thread.currentThread().getName())
                                .get(5, TimeUnit.SECONDS);
        assertThat(name).startsWith("Coordinator[catalogue]");
    }
}
