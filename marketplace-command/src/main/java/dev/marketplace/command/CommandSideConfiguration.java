package dev.marketplace.command;

import dev.marketplace.command.directory.ProgramDirectory;
import dev.marketplace.command.installation.Installations;
import dev.marketplace.command.program.PackageChecks;
import dev.marketplace.command.program.ProgramNames;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;

/** Wiring of the write side that annotations cannot express. */
@Configuration
public class CommandSideConfiguration {

    static final int CONFLICT_RETRIES = 8;

    /**
     * Write-side lookup tables, and the scheduling of package checks, each kept in the transaction that stores the
     * events it reflects.
     */
    static final List<String> LOOKUP_TABLES = List.of(ProgramNames.PROCESSING_GROUP,
                                                      ProgramDirectory.PROCESSING_GROUP,
                                                      Installations.PROCESSING_GROUP,
                                                      PackageChecks.PROCESSING_GROUP);

    /**
     * Lookup tables are fed by subscribing processors, so they change in the same transaction as the events; a
     * failure there (a name claimed twice) must fail the command, not be logged and skipped.
     */
    @Bean
    ConfigurerModule lookupTablesPropagateErrors() {
        return configurer -> LOOKUP_TABLES.forEach(group -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(group)
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance()));
    }

    /**
     * Two commands on one aggregate at once (on this node or another) collide on the event store's unique
     * (aggregate, sequence) key; the loser is retried against the new state. Rule violations are never retried.
     */
    @Bean(destroyMethod = "")
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        JitteredBackOffRetryScheduler retries = JitteredBackOffRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .baseInterval(20)
                .maxInterval(640)
                .maxRetryCount(CONFLICT_RETRIES)
                .nonTransientFailurePredicate(failure -> !isConflict(failure))
                .build();
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retries).build();
    }

    /** New program ids are made at the edge, so commands carry them and handlers stay deterministic. */
    @Bean
    IdGenerator programIds() {
        return new JdkIdGenerator();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newScheduledThreadPool(1, r -> {
            Thread thread = new Thread(r, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
