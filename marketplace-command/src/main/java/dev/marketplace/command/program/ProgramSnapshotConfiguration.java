package dev.marketplace.command.program;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshotting of {@link MiniProgram}. The snapshot is taken on a thread of its own after the command that crossed
 * the threshold has committed, so no command waits for it; it is stored in the shared event store, so every node
 * loads from it (there is no cache that could go stale on another node).
 */
@Configuration
class ProgramSnapshotConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProgramSnapshotConfiguration.class);

    /** Snapshots waiting to be taken; more than this under a burst are dropped, see {@link #snapshotExecutor}. */
    static final int QUEUED_SNAPSHOTS = 1000;

    @Bean(destroyMethod = "shutdown")
    ExecutorService programSnapshotExecutor() {
        return snapshotExecutor(QUEUED_SNAPSHOTS);
    }

    /**
     * One thread with a bounded queue. A snapshot only shortens later loads, and the program's next threshold
     * crossing asks for another, so when commands outrun the snapshot thread the surplus requests are dropped
     * instead of piling up in memory.
     */
    static ThreadPoolExecutor snapshotExecutor(int queued) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queued), r -> {
            Thread thread = new Thread(r, "program-snapshots");
            thread.setDaemon(true);
            return thread;
        }, (task, executor) -> log.debug("Snapshot queue full ({} waiting): one snapshot request dropped", queued));
    }

    @Bean
    SpringAggregateSnapshotterFactoryBean aggregateSnapshotter(ExecutorService programSnapshotExecutor) {
        SpringAggregateSnapshotterFactoryBean snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(programSnapshotExecutor);
        return snapshotter;
    }

    /**
     * The event store reads the storage engine through {@link ProgramSnapshotReads}, so only programs are looked up in
     * the snapshot table. Static, as a post-processor is made before the beans it processes.
     */
    @Bean
    static BeanPostProcessor programSnapshotReads() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof EventStorageEngine engine && !(bean instanceof ProgramSnapshotReads)
                       ? new ProgramSnapshotReads(engine) : bean;
            }
        };
    }

    @Bean
    SnapshotTriggerDefinition miniProgramSnapshotTrigger(Snapshotter snapshotter, ProgramSnapshots snapshots) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, snapshots.threshold());
    }
}
