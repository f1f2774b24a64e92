package dev.marketplace.command.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Snapshot requests beyond the queue's bound are dropped, never queued without limit nor thrown at the caller. */
class SnapshotExecutorTest {

    @Test
    void requestsBeyondTheBoundAreDroppedWhileTheSnapshotThreadIsBusy() throws Exception {
        ThreadPoolExecutor executor = ProgramSnapshotConfiguration.snapshotExecutor(3);
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger taken = new AtomicInteger();
        try {
            executor.execute(() -> {
                busy.countDown();
                waitFor(release);
                taken.incrementAndGet();
            });
            assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 10; i++) {
                executor.execute(taken::incrementAndGet);
            }
            assertThat(executor.getQueue()).hasSize(3);

            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> taken.get() == 4);
            assertThat(executor.getQueue()).isEmpty();
            assertThat(executor.getCompletedTaskCount()).isEqualTo(4);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theSnapshotThreadDoesNotKeepTheJvmAlive() throws Exception {
        ThreadPoolExecutor executor = ProgramSnapshotConfiguration.snapshotExecutor(1);
        try {
            AtomicInteger daemon = new AtomicInteger(-1);
            executor.submit(() -> daemon.set(Thread.currentThread().isDaemon() ? 1 : 0)).get(5, TimeUnit.SECONDS);
            assertThat(daemon.get()).isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
