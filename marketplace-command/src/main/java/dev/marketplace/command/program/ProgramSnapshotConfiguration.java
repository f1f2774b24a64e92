package dev.marketplace.command.program;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshotting of {@link MiniProgram}. The snapshot is taken on a thread of its own after the command that crossed
 * the threshold has committed, so no command waits for it; it is stored in the shared event store, so every node
 * loads from it (there is no cache that could go stale on another node).
 */
@Configuration
class ProgramSnapshotConfiguration {

    @Bean(destroyMethod = "shutdown")
    ExecutorService programSnapshotExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "program-snapshots");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    SpringAggregateSnapshotterFactoryBean aggregateSnapshotter(ExecutorService programSnapshotExecutor) {
        SpringAggregateSnapshotterFactoryBean snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(programSnapshotExecutor);
        return snapshotter;
    }

    @Bean
    SnapshotTriggerDefinition miniProgramSnapshotTrigger(Snapshotter snapshotter, ProgramSnapshots snapshots) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, snapshots.threshold());
    }
}
