package dev.marketplace.app.packages;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the package store that annotations cannot express. */
@Configuration
class PackageConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PackageConfiguration.class);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(30);

    /**
     * References change in the transaction of the version's events, so a package a version names cannot be
     * cleaned up between the check at submission and the event; a failure there fails the command.
     */
    @Bean
    ConfigurerModule packageReferencesSubscribe() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(PackageReferences.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(PackageReferences.PROCESSING_GROUP,
                                                        c -> PropagatingErrorHandler.instance());
    }

    /** One node of the cluster at a time deletes uploads no version names once they are old enough. */
    @Bean
    RecurringTask<Void> unreferencedPackageCleanup(PackageStore store, PackageLimits limits) {
        Clock clock = Clock.systemUTC();
        return Tasks.recurring("unreferenced-package-cleanup", FixedDelay.of(CLEANUP_EVERY))
                    .execute((instance, context) -> {
                        int deleted = store.deleteUnreferenced(clock.instant().minus(limits.unreferencedRetention()));
                        if (deleted > 0) {
                            LOG.info("Deleted {} uploaded packages that no version names", deleted);
                        }
                    });
    }
}
