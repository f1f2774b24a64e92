package dev.marketplace.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A command's unit of work is not timed (Axon's timer copied the request thread's stack on every command), while
 * every event processor's batches are, as Axon timed them.
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

    @ParameterizedTest
    @ValueSource(strings = {"catalogue", "audit", "webhooks", "catalogue-rebuild", "version-status-updates"})
    void everyEventProcessorsBatchesAreTimed(String processor) {
        assertThat(processing.eventProcessor(processor, AbstractEventProcessor.class))
                .hasValueSatisfying(p -> assertThat(p.getHandlerInterceptors())
                        .hasAtLeastOneElementOfType(UnitOfWorkTimeoutInterceptor.class));
    }
}
