package dev.marketplace.command;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the write side that annotations cannot express. */
@Configuration
public class CommandSideConfiguration {

    static final int CONFLICT_RETRIES = 5;

    /** Set-based validation must fail the command when its lookup table refuses a row, not log and go on. */
    @Bean
    ConfigurerModule lookupTablesPropagateErrors() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor("program-names")
                .registerListenerInvocationErrorHandler("program-names", c -> PropagatingErrorHandler.instance());
    }

    /**
     * Two commands on one aggregate at once (on this node or another) collide on the event store's unique
     * (aggregate, sequence) key; the loser is retried against the new state. Rule violations are never retried.
     */
    @Bean(destroyMethod = "")
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        IntervalRetryScheduler retries = IntervalRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .retryInterval(20)
                .maxRetryCount(CONFLICT_RETRIES)
                .nonTransientFailurePredicate(failure -> !isConflict(failure))
                .build();
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retries).build();
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
