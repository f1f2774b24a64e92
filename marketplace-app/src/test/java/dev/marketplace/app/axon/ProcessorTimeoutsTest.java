package dev.marketplace.app.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.command.program.ProgramNames;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A command's unit of work is not timed (Axon's timer copied the request thread's stack on every command), not even
 * when the subscribing processors handle its events as it commits, while every event processor's own batches are, as
 * Axon timed them.
 */
@MarketplaceIntegrationTest
class ProcessorTimeoutsTest extends MarketplaceClientTest {

    /** The resource under which Axon's unit-of-work timeout keeps its timer. */
    private static final String TIMER = "_transactionTimeLimit";

    @Autowired
    CommandBus commandBus;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aCommandsUnitOfWorkIsNotTimed() {
        List<Boolean> timed = new ArrayList<>();
        MessageHandlerInterceptor<CommandMessage<?>> looking = (unitOfWork, chain) -> {
            timed.add(unitOfWork.root().resources().containsKey(TIMER));
            return chain.proceed();
        };
        Registration registration = commandBus.registerHandlerInterceptor(looking);
        try {
            marketplace.register("dev-untimed", "Untimed Ferry");
        } finally {
            registration.cancel();
        }
        assertThat(timed).isNotEmpty().containsOnly(false);
    }

    @Test
    void aCommandStaysUntimedWhileTheSubscribingProcessorsHandleItsEvents() {
        List<Boolean> timedAtCommit = new CopyOnWriteArrayList<>();
        List<Boolean> nested = new CopyOnWriteArrayList<>();
        MessageHandlerInterceptor<CommandMessage<?>> looking = (unitOfWork, chain) -> {
            unitOfWork.afterCommit(u -> timedAtCommit.add(u.root().resources().containsKey(TIMER)));
            return chain.proceed();
        };
        MessageHandlerInterceptor<EventMessage<?>> lookingAtTheBatch = (unitOfWork, chain) -> {
            nested.add(!unitOfWork.isRoot());
            return chain.proceed();
        };
        Registration command = commandBus.registerHandlerInterceptor(looking);
        Registration names = processing.eventProcessor(ProgramNames.PROCESSING_GROUP, AbstractEventProcessor.class)
                .orElseThrow().registerHandlerInterceptor(lookingAtTheBatch);
        try {
            marketplace.register("dev-untimed-names", "Untimed Names Ferry");
        } finally {
            command.cancel();
            names.cancel();
        }
        assertThat(nested).as("the name table's batch runs inside the command's unit of work")
                .isNotEmpty().containsOnly(true);
        assertThat(timedAtCommit).isNotEmpty().containsOnly(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalogue", "audit", "webhooks", "catalogue-rebuild", "version-status-updates",
                            ProgramNames.PROCESSING_GROUP})
    void everyEventProcessorsBatchesAreTimed(String processor) {
        assertThat(processing.eventProcessor(processor, AbstractEventProcessor.class))
                .hasValueSatisfying(p -> assertThat(p.getHandlerInterceptors())
                        .hasAtLeastOneElementOfType(ProcessorTimeouts.OwnBatchTimeout.class));
    }

    @Test
    void aStreamingProcessorsBatchIsTimed() {
        List<Boolean> timed = new CopyOnWriteArrayList<>();
        MessageHandlerInterceptor<EventMessage<?>> looking = (unitOfWork, chain) -> {
            timed.add(unitOfWork.isRoot() && unitOfWork.resources().containsKey(TIMER));
            return chain.proceed();
        };
        Registration audit = processing.eventProcessor("audit", AbstractEventProcessor.class).orElseThrow()
                .registerHandlerInterceptor(looking);
        try {
            marketplace.register("dev-timed-audit", "Timed Audit Ferry");
            await().until(() -> !timed.isEmpty());
        } finally {
            audit.cancel();
        }
        assertThat(timed).containsOnly(true);
    }
}
