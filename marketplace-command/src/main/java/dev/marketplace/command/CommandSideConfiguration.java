package dev.marketplace.command;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the write side that annotations cannot express. */
@Configuration
public class CommandSideConfiguration {

    /** Set-based validation must fail the command when its lookup table refuses a row, not log and go on. */
    @Bean
    ConfigurerModule lookupTablesPropagateErrors() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor("program-names")
                .registerListenerInvocationErrorHandler("program-names", c -> PropagatingErrorHandler.instance());
    }
}
